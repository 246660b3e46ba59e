// pdf/deflate — Flate compression for the streams deckpdf writes (internal).
//
// libharu would compress each stream itself, with a fresh zlib state (and
// its 256 KB of tables) per stream: for thousands of small slide streams
// that setup cost more than the compression. libdeflate compresses whole
// buffers with one compressor per thread, kept, at about half zlib's time
// for the same sizes, and page content is compressed in batches on every
// core (StreamQueue).
#pragma once

#include <hpdf.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace deckpdf::pdf {

// Compresses `data` (zlib format, as /FlateDecode expects).
std::string deflate_bytes(std::string_view data);

// A bit of libharu's stream filter flags, which libharu does not use: the
// stream's bytes are compressed already (pdf/serialize names the filter
// and writes the bytes as they are).
inline constexpr HPDF_UINT stream_deflated = 0x8000;

// Writes `data` compressed into the stream of `dict` and marks the dict
// /Filter /FlateDecode, compressed already.
void stream_write_deflated(HPDF_Dict dict, std::string_view data);

// Streams whose content is known now and compressed meanwhile: helper
// threads compress while the caller draws further pages, and flush()
// writes the results. libharu's objects are only touched on the calling
// thread. A stream that compression would not shrink (a page that only
// places a few layers) is written as it is, without a filter. The output
// does not depend on how the work was shared.
class StreamQueue {
 public:
  StreamQueue() = default;
  ~StreamQueue();
  StreamQueue(const StreamQueue&) = delete;
  StreamQueue& operator=(const StreamQueue&) = delete;

  // Queues the content of `dict`'s stream; flushes on its own when the
  // queued bytes pass a bound, so memory stays flat on big decks.
  void add(HPDF_Dict dict, std::string data);
  // Waits for everything queued to be compressed and writes it.
  void flush();

 private:
  struct Job {
    HPDF_Dict dict = nullptr;
    std::string data;       // the content, then (when smaller) its compression
    bool deflated = false;  // set with done_
  };
  // Takes the next job and compresses it with the lock released; false
  // when none is left. The lock is held on entry and on return.
  bool compress_next(std::unique_lock<std::mutex>& lock);
  void help();  // a helper thread's loop

  std::deque<Job> jobs_;
  size_t next_ = 0, done_ = 0;  // jobs taken, jobs finished
  size_t bytes_ = 0;            // content queued since the last flush
  bool started_ = false, stop_ = false;
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  std::vector<std::thread> threads_;
};

}  // namespace deckpdf::pdf
