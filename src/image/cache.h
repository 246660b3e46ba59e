// image/cache — pictures decoded once per export, shared by every slide
// and thread that shows them, within one memory budget for all of them.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "image/image.h"

namespace deckpdf::image {

class Cache {
 public:
  explicit Cache(Limits limits = {}, uint64_t budget_bytes = uint64_t{1} << 30)
      : limits_(limits), budget_(budget_bytes) {}

  // The file at `path` (already checked to be inside the deck's folder),
  // read and decoded the first time it is asked for.
  Decoded file(const std::string& path);
  // Bytes that came with the deck (a data: URI), decoded once per content.
  Decoded bytes(std::string_view data);
  // Whether a picture was refused for the budget: which one depends on the
  // order threads asked in, so the caller lays out again in one thread.
  bool overflowed() const { return overflowed_.load(); }

 private:
  struct Entry {
    std::once_flag once;
    Decoded decoded;
  };
  std::shared_ptr<Entry> entry(const std::string& key);
  // A new picture charged to the budget, or the equal one decoded before
  // (same bytes under another name): one Picture, so one PDF object.
  Decoded admit(Decoded d);

  Limits limits_;
  uint64_t budget_, spent_ = 0;
  std::atomic<bool> overflowed_{false};
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
  std::map<uint64_t, std::shared_ptr<const Picture>> by_content_;
};

}  // namespace deckpdf::image
