// source/source_set — the deck and its included files in one span space
// (see source_set.h).
#include "source/source_set.h"

#include <algorithm>

namespace deckpdf {

std::optional<uint32_t> SourceSet::add(std::shared_ptr<const Source> file) {
  uint64_t size = file->text().size();
  if (next_ + size + 1 > UINT32_MAX) return std::nullopt;
  uint32_t base = static_cast<uint32_t>(next_);
  files_.push_back({base, std::move(file)});
  next_ += size + 1;  // +1: a span at the very end of a file stays in it
  return base;
}

const std::shared_ptr<const Source>* SourceSet::find(uint32_t offset, uint32_t& base) const {
  auto it = std::upper_bound(files_.begin(), files_.end(), offset,
                             [](uint32_t o, const Entry& e) { return o < e.base; });
  if (it == files_.begin()) return nullptr;
  --it;
  base = it->base;
  return &it->file;
}

void SourceSet::localize(Diagnostic& d) const {
  if (d.file) return;
  uint32_t base = 0;
  const std::shared_ptr<const Source>* f = find(d.span.begin, base);
  if (!f) return;
  d.file = *f;
  d.span.begin -= base;
  d.span.end = d.span.end >= base ? d.span.end - base : d.span.begin;
}

std::vector<std::string> SourceSet::paths() const {
  std::vector<std::string> out;
  for (const Entry& e : files_) out.push_back(e.file->path());
  return out;
}

LineCol SourceSet::line_col(const Source& deck, uint32_t offset) const {
  uint32_t base = 0;
  const std::shared_ptr<const Source>* f = find(offset, base);
  return f ? (*f)->line_col(offset - base) : deck.line_col(offset);
}

}  // namespace deckpdf
