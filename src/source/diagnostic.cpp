#include "source/diagnostic.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace deckpdf {

void Diagnostics::add(Diagnostic d) {
  // A stage may look at the same construct more than once (layout lays an
  // overfull slide out twice); the reader hears about it once.
  std::string key = d.code + '\0' + std::to_string(d.span.begin) + '\0' + d.message;
  if (d.file) key += '\0' + d.file->path();
  if (!d.once.empty()) key = "once\0" + d.once;
  if (!seen_.insert(std::move(key)).second) return;
  if (d.severity == Severity::Error) ++errors_;
  if (items_.size() >= limit) {
    ++dropped_;
    return;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::error(Span span, std::string code, std::string message) {
  add({Severity::Error, std::move(code), std::move(message), span});
}

void Diagnostics::warning(Span span, std::string code, std::string message) {
  add({Severity::Warning, std::move(code), std::move(message), span});
}

void Diagnostics::error(std::shared_ptr<const Source> file, Span span, std::string code,
                        std::string message) {
  add({Severity::Error, std::move(code), std::move(message), span, std::move(file)});
}

void Diagnostics::warning(std::shared_ptr<const Source> file, Span span, std::string code,
                          std::string message) {
  add({Severity::Warning, std::move(code), std::move(message), span, std::move(file)});
}

bool Diagnostics::has_code(const std::string& code) const {
  return std::any_of(items_.begin(), items_.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

namespace {

// The source line as printed under a diagnostic is one cell per column
// that Source::line_col counts: a tab is one space, a control character its
// Unicode control picture (U+2400 + c; NUL is U+2400), a byte that is not
// UTF-8 U+FFFD. Raw bytes never reach the terminal. cell_next: the cell of
// `line` at byte `i`, appended to `out` unless null; returns the byte
// after it.
size_t cell_next(std::string_view line, size_t i, std::string* out) {
  unsigned char c = static_cast<unsigned char>(line[i]);
  if (c == '\t') {
    if (out) *out += ' ';
    return i + 1;
  }
  if (c < 0x20 || c == 0x7F) {
    uint32_t cp = c == 0x7F ? 0x2421 : 0x2400 + c;
    if (out) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return i + 1;
  }
  if (c < 0x80) {
    if (out) *out += static_cast<char>(c);
    return i + 1;
  }
  size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  bool valid = len != 0 && i + len <= line.size();
  for (size_t k = 1; valid && k < len; ++k) {
    valid = (static_cast<unsigned char>(line[i + k]) & 0xC0) == 0x80;
  }
  if (valid) {
    if (out) out->append(line.substr(i, len));
    return i + len;
  }
  if (out) *out += "\xEF\xBF\xBD";  // U+FFFD
  ++i;
  // Continuation bytes after a bad lead are not columns of their own.
  while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// The cells [first, last) of `line` as shown, and in `count` how many it
// has in all: nothing is kept for the cells outside the window (a line
// may be megabytes long).
std::string line_cells(std::string_view line, size_t first, size_t last, size_t& count) {
  std::string out;
  count = 0;
  for (size_t i = 0; i < line.size(); ++count) {
    i = cell_next(line, i, count >= first && count < last ? &out : nullptr);
  }
  return out;
}

std::string line_shown(std::string_view line) {
  size_t count = 0;
  return line_cells(line, 0, SIZE_MAX, count);
}

// At most this many columns of a source line are shown: a window around the
// caret, "…" where the line goes on (a minified deck has 500 KB lines).
constexpr size_t max_shown_columns = 100;
constexpr size_t columns_before_caret = 40;

}  // namespace

std::string diagnostic_format(const Source& deck, const Diagnostic& d, bool color) {
  const Source& source = d.file ? *d.file : deck;
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  const char* red = color ? "\033[1;31m" : "";
  const char* magenta = color ? "\033[1;35m" : "";
  const char* green = color ? "\033[1;32m" : "";
  const char* cyan = color ? "\033[1;36m" : "";
  LineCol lc = source.line_col(d.span.begin);
  std::string out;
  out += bold + source.path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.col) + ":" +
         reset + " ";
  switch (d.severity) {
    case Severity::Error: out += std::string(red) + "error:" + reset; break;
    case Severity::Warning: out += std::string(magenta) + "warning:" + reset; break;
    case Severity::Note: out += std::string(cyan) + "note:" + reset; break;
  }
  out += " " + std::string(bold) + line_shown(d.message) + reset;
  if (!d.code.empty()) out += " [" + d.code + "]";
  out += "\n";
  std::string_view line = source.line_text(lc.line);
  if (lc.line <= source.line_count()) {
    std::string num = std::to_string(lc.line);
    std::string gutter(num.size(), ' ');
    size_t cells = 0;
    line_cells(line, 0, 0, cells);
    size_t caret = lc.col - 1;
    size_t begin = 0, end = cells;
    if (cells > max_shown_columns) {
      begin = caret > columns_before_caret ? caret - columns_before_caret : 0;
      end = std::min(cells, begin + max_shown_columns);
      if (end - begin < max_shown_columns) begin = end - max_shown_columns;
    }
    std::string shown = begin > 0 ? "\u2026" : "";
    shown += line_cells(line, begin, end, cells);
    if (end < cells) shown += "\u2026";
    size_t pad = caret - std::min(caret, begin) + (begin > 0 ? 1 : 0);
    out += " " + num + " | " + shown + "\n";
    out += " " + gutter + " | " + std::string(pad, ' ') + green + "^" + reset + "\n";
  }
  return out;
}

}  // namespace deckpdf
