#include "pdf/deflate.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <algorithm>
#include <condition_variable>
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

// What the /Filter entry adds to a stream's dictionary, against which a
// compressed stream must be smaller to be worth it.
constexpr size_t filter_entry_size = sizeof "/Filter/FlateDecode" - 1;

void stream_write(HPDF_Dict dict, std::string_view bytes, bool deflated) {
  dict->filter =
      deflated ? HPDF_STREAM_FILTER_FLATE_DECODE | stream_deflated : HPDF_STREAM_FILTER_NONE;
  // libharu's memory streams grow in blocks of 4 KB, allocated on the first
  // write: most page streams are a few hundred bytes, and a 60,000-page
  // export held 200 MB of empty block ends. An empty stream's block size
  // can still be set (every block of a stream must be the same size), so
  // the one block it gets holds exactly these bytes.
  HPDF_Stream st = dict->stream;
  if (st && st->type == HPDF_STREAM_MEMORY && st->size == 0 && !bytes.empty()) {
    auto attr = static_cast<HPDF_MemStreamAttr>(st->attr);
    if (attr->buf && attr->buf->count == 0) {
      attr->buf_siz = static_cast<HPDF_UINT>(bytes.size());
      attr->w_pos = attr->buf_siz;
    }
  }
  HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                    static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace

void stream_write_deflated(HPDF_Dict dict, std::string_view data) {
  stream_write(dict, deflate_bytes(data), true);
}

StreamQueue::~StreamQueue() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void StreamQueue::add(HPDF_Dict dict, std::string data) {
  if (!dict) return;
  if (!started_) {
    // Helpers start with the first stream: they compress while the
    // caller goes on drawing pages.
    started_ = true;
    unsigned cores = std::thread::hardware_concurrency();
    size_t helpers = cores > 1 ? std::min<size_t>(cores - 1, 3) : 0;
    try {
      for (size_t t = 0; t < helpers; ++t) threads_.emplace_back([this] { help(); });
    } catch (const std::system_error&) {
      // No thread to be had: flush() does the work on the caller's thread.
    }
  }
  size_t size = data.size();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back({dict, std::move(data)});
  }
  wake_.notify_one();
  bytes_ += size;
  if (bytes_ > (size_t{8} << 20)) flush();  // memory stays flat on big decks
}

bool StreamQueue::compress_next(std::unique_lock<std::mutex>& lock) {
  if (next_ >= jobs_.size()) return false;
  Job* job = &jobs_[next_++];  // a deque's elements stay put as it grows
  lock.unlock();
  std::string packed = deflate_bytes(job->data);
  bool smaller = packed.size() + filter_entry_size < job->data.size();
  if (smaller) job->data = std::move(packed);
  lock.lock();
  job->deflated = smaller;
  if (++done_ == jobs_.size()) finished_.notify_all();
  return true;
}

void StreamQueue::help() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || next_ < jobs_.size(); });
    if (stop_) return;
    compress_next(lock);
  }
}

void StreamQueue::flush() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (compress_next(lock)) {
  }
  finished_.wait(lock, [&] { return done_ == jobs_.size(); });
  // libharu's objects are only touched here, on the caller's thread.
  for (const Job& job : jobs_) stream_write(job.dict, job.data, job.deflated);
  jobs_.clear();
  next_ = done_ = 0;
  bytes_ = 0;
}

}  // namespace deckpdf::pdf
