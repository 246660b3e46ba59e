// source/source_set — the deck and the files it includes in one span space.
//
// A Span is a byte range in the deck's Source. A Pug deck may include and
// extend other files; their nodes reach every later stage (deck/, layout/),
// and a diagnostic there must name the file the node came from. Rather than
// giving every stage a file handle, each loaded file gets its own offset
// range after the deck's (`base` .. `base + size`): a Span past the deck's
// end names an included file. `localize` turns such a diagnostic into one
// with `Diagnostic::file` set and the span made local, just before printing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf {

class SourceSet {
 public:
  // The deck's text occupies [0, deck_size]; files added later follow it.
  explicit SourceSet(uint32_t deck_size = 0) : next_(deck_size + 1) {}

  // Adds a file; returns its base offset (add it to the file's local spans),
  // or nothing when the span space is full.
  std::optional<uint32_t> add(std::shared_ptr<const Source> file);

  // The file holding global offset `offset` and its base, or nullptr for
  // the deck itself.
  const std::shared_ptr<const Source>* find(uint32_t offset, uint32_t& base) const;

  // A diagnostic whose span lies in an added file gets that file and a local span.
  void localize(Diagnostic& d) const;
  // A span's line and column in whichever file holds it.
  LineCol line_col(const Source& deck, uint32_t offset) const;
  bool empty() const { return files_.empty(); }
  // The added files' paths, in the order they were read.
  std::vector<std::string> paths() const;

 private:
  struct Entry {
    uint32_t base;
    std::shared_ptr<const Source> file;
  };
  std::vector<Entry> files_;  // by base, ascending
  uint64_t next_;
};

}  // namespace deckpdf
