// image/cache — see cache.h.
#include "image/cache.h"

#include "source/files.h"

namespace deckpdf::image {

std::shared_ptr<Cache::Entry> Cache::entry(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto& e = entries_[key];
  if (!e) e = std::make_shared<Entry>();
  return e;
}

Decoded Cache::admit(Decoded d) {
  if (!d.picture) return d;
  const Picture& p = *d.picture;
  uint64_t cost = p.pixels.size() + p.alpha.size() + p.jpeg.size();
  std::lock_guard lock(mutex_);
  auto same = by_content_.find(p.hash);
  if (same != by_content_.end()) {
    d.picture = same->second;
    return d;
  }
  if (spent_ + cost > budget_) {
    d.picture.reset();
    overflowed_ = true;
    d.problem = "does not fit in the memory deckpdf allows for a deck's pictures (" +
                std::to_string(budget_ >> 20) + " MB)";
    return d;
  }
  spent_ += cost;
  by_content_[p.hash] = d.picture;
  return d;
}

Decoded Cache::file(const std::string& path) {
  auto e = entry("file:" + path);
  std::call_once(e->once, [&] {
    std::optional<std::string> bytes = file_read_all(path, limits_.max_bytes);
    if (!bytes) {
      e->decoded.problem =
          "could not be read, or is larger than " + std::to_string(limits_.max_bytes >> 20) + " MB";
      return;
    }
    e->decoded = admit(decode(*bytes, limits_));
  });
  return e->decoded;
}

Decoded Cache::bytes(std::string_view data) {
  auto e = entry("data:" + std::to_string(content_hash(data)));
  std::call_once(e->once, [&] { e->decoded = admit(decode(data, limits_)); });
  return e->decoded;
}

}  // namespace deckpdf::image
