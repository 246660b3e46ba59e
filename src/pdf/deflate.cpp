#include "pdf/deflate.h"

#include <hpdf_objects.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <system_error>
#include <thread>

namespace deckpdf::pdf {

namespace {

struct Deflater {
  z_stream z{};
  bool ok = false;
  Deflater(int window_bits, int mem_level) {
    ok = deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, mem_level,
                      Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ok) deflateEnd(&z);
  }
};

}  // namespace

std::string deflate_bytes(std::string_view data) {
  // deflateReset clears the match tables, whose size memLevel sets: for the
  // many small layer streams a 4 KB window and small tables compress as
  // well and reset in a fraction of the time; fonts get zlib's defaults.
  thread_local Deflater small(/*window_bits*/ 12, /*mem_level*/ 5);
  thread_local Deflater large(/*window_bits*/ 15, /*mem_level*/ 8);
  Deflater& d = data.size() <= 4096 ? small : large;
  std::string out;
  if (!d.ok) std::abort();  // zlib could not allocate its state
  deflateReset(&d.z);
  out.resize(deflateBound(&d.z, static_cast<uLong>(data.size())));
  d.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  d.z.avail_in = static_cast<uInt>(data.size());
  d.z.next_out = reinterpret_cast<Bytef*>(out.data());
  d.z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&d.z, Z_FINISH);
  if (rc != Z_STREAM_END) std::abort();  // deflateBound guarantees room
  out.resize(out.size() - d.z.avail_out);
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
