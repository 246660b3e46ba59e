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

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deckpdf::pdf {

// Compresses `data` (zlib format, as /FlateDecode expects).
std::string deflate_bytes(std::string_view data);

// Writes `data` compressed into the stream of `dict` and marks the dict
// /Filter /FlateDecode (libharu's own filter is turned off for it).
void stream_write_deflated(HPDF_Dict dict, std::string_view data);

// Streams whose content is known now and compressed later, many at once on
// several threads; libharu's objects are only touched on the calling
// thread. A stream that compression would not shrink (a page that only
// places a few layers) is written as it is, without a filter.
class StreamQueue {
 public:
  StreamQueue() = default;
  StreamQueue(const StreamQueue&) = delete;
  StreamQueue& operator=(const StreamQueue&) = delete;

  // Queues the content of `dict`'s stream; flushes on its own when the
  // queued bytes pass a bound, so memory stays flat on big decks.
  void add(HPDF_Dict dict, std::string data);
  // Compresses and writes everything queued.
  void flush();

 private:
  std::vector<std::pair<HPDF_Dict, std::string>> pending_;
  size_t bytes_ = 0;
};

}  // namespace deckpdf::pdf
