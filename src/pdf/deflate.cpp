#include "pdf/deflate.h"

#include <hpdf_objects.h>
#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <system_error>
#include <thread>

namespace deckpdf::pdf {

std::string deflate_bytes(std::string_view data) {
  // One compressor per thread, kept: libdeflate allocates its tables once.
  // Level 6 gives zlib's sizes at a little over half its time; on the many
  // small streams of a deck, time per stream matters more than per byte.
  struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(6);
    ~Compressor() { libdeflate_free_compressor(c); }
  };
  thread_local Compressor compressor;
  if (!compressor.c) std::abort();  // out of memory
  std::string out(libdeflate_zlib_compress_bound(compressor.c, data.size()), '\0');
  size_t n =
      libdeflate_zlib_compress(compressor.c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) std::abort();  // the bound guarantees room
  out.resize(n);
  return out;
}

namespace {

// libharu drops a /Filter entry from a stream it does not filter itself,
// so the entry is written by the dict's own write hook, which libharu
// calls after the other entries.
constexpr std::string_view flate_entry = "/Filter /FlateDecode\012";
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, flate_entry.data());
}

void stream_write(HPDF_Dict dict, std::string_view bytes, bool deflated) {
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = deflated ? write_flate_filter : nullptr;
  HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                    static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

void stream_write_deflated(HPDF_Dict dict, std::string_view data) {
  stream_write(dict, deflate_bytes(data), true);
}

void StreamQueue::add(HPDF_Dict dict, std::string data) {
  if (!dict) return;
  bytes_ += data.size();
  pending_.emplace_back(dict, std::move(data));
  if (bytes_ > (size_t{8} << 20)) flush();
}

void StreamQueue::flush() {
  std::vector<std::string> packed(pending_.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < pending_.size();) {
      packed[i] = deflate_bytes(pending_[i].second);
    }
  };
  // Threads only pay off past a few hundred KB; the caller's thread works too.
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  size_t helpers = bytes_ < (size_t{256} << 10) ? 0 : std::min<size_t>(cores, 8) - 1;
  std::vector<std::thread> threads;
  try {
    for (size_t t = 0; t < helpers; ++t) threads.emplace_back(work);
  } catch (const std::system_error&) {
    // No thread to be had: this one does all the work.
  }
  work();
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < pending_.size(); ++i) {
    const std::string& raw = pending_[i].second;
    if (packed[i].size() + flate_entry.size() < raw.size()) {
      stream_write(pending_[i].first, packed[i], true);
    } else {
      stream_write(pending_[i].first, raw, false);
    }
  }
  pending_.clear();
  bytes_ = 0;
}

}  // namespace deckpdf::pdf
