// source — the deck file as bytes, its line table and its front matter.
//
// Everything later in the pipeline points back into a Source through a Span
// (byte offsets); line and column are computed only when a diagnostic is
// printed, from the line table built once here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckpdf {

class Diagnostics;

// A half-open byte range [begin, end) in the Source's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// 1-based line and column; the column counts code points, not bytes.
struct LineCol {
  uint32_t line = 1;
  uint32_t col = 1;
};

// `---` front matter: simple `key: value` pairs (values may be quoted),
// and `locals:` with an indented map below it (front_locals.h).
struct FrontMatter {
  std::map<std::string, std::string> values;
  std::string locals_json;  // `locals:` as a JSON object ("" = none)
  // `date:` as seconds since 1970 (source/date.h); nothing when there is
  // none or it is not a date deckpdf reads (a warning then).
  std::optional<int64_t> date;
  Span span;  // the whole block, both `---` lines included
  bool present = false;
  std::optional<std::string> get(const std::string& key) const;
};

class Source {
 public:
  // Takes the file's bytes. CRLF and lone CR line ends become LF, so that
  // every later stage sees one kind of line end; line numbers and columns
  // are unchanged by this.
  Source(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  LineCol line_col(uint32_t offset) const;
  // The text of a 1-based line, without its line end.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  uint32_t line_start(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

// The largest deck read, in bytes: a bound instead of a huge allocation.
inline constexpr size_t max_source_bytes = size_t{32} << 20;

// Why a deck could not be read.
enum class ReadFailure {
  None,
  Io,        // missing, unreadable, a directory: an I/O error
  TooLarge,  // larger than max_source_bytes: an error in the deck
};

// Reads a file into a Source; "-" reads standard input (shown as
// "<stdin>"). Returns nothing, with `error` set ("cannot open 'x': No such
// file or directory") and `failure` saying why, when the file cannot be read.
std::optional<Source> source_read_file(const std::string& path, std::string& error,
                                       ReadFailure* failure = nullptr);

// Checks the bytes: UTF-8 validity, NUL bytes (a binary file, or UTF-16
// without a byte-order mark), UTF-16 byte-order marks.
// Problems are reported into `diags`. Returns false when the text cannot be
// used at all.
bool source_check_encoding(const Source& source, Diagnostics& diags);

// The front-matter keys deckpdf reads (`parser` is the deck tools'
// own, read by none). Any other key is a warning naming the nearest.
const std::vector<std::string>& front_matter_keys();

// Parses the front matter at the start of the source, if any. The body of
// the deck starts at `body_offset` (0 without front matter).
FrontMatter source_parse_front_matter(const Source& source, Diagnostics& diags,
                                      uint32_t& body_offset);

}  // namespace deckpdf
