#include "source/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "source/date.h"
#include "source/diagnostic.h"
#include "source/files.h"
#include "source/front_locals.h"
#include "source/language.h"
#include "source/nearest.h"
#include "source/strings.h"

namespace deckpdf {

namespace {

void normalize_line_ends(std::string& bytes) {
  if (std::memchr(bytes.data(), '\r', bytes.size()) == nullptr) return;
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out.push_back(bytes[i]);
    }
  }
  bytes = std::move(out);
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

std::optional<std::string> FrontMatter::get(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

Source::Source(std::string path, std::string bytes)
    : path_(std::move(path)), text_(std::move(bytes)) {
  normalize_line_ends(text_);
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

LineCol Source::line_col(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t start = line_starts_[line - 1];
  uint32_t col = 1;
  for (uint32_t i = start; i < offset; ++i) {
    if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++col;
  }
  return {line, col};
}

uint32_t Source::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<uint32_t>(text_.size());
  return line_starts_[line - 1];
}

std::string_view Source::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end =
      line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<uint32_t>(text_.size());
  return std::string_view(text_).substr(begin, end - begin);
}

std::optional<Source> source_read_file(const std::string& path, std::string& error,
                                       ReadFailure* failure) {
  ReadFailure ignored;
  ReadFailure& why = failure ? *failure : ignored;
  why = ReadFailure::None;
  auto fail = [&](ReadFailure kind, std::string message) -> std::optional<Source> {
    why = kind;
    error = std::move(message);
    return std::nullopt;
  };
  bool is_stdin = path == "-";
  std::string shown = is_stdin ? "<stdin>" : path;
  // O_NONBLOCK: a FIFO named as the deck must not hang the open (it is
  // refused below; a pipe is read as standard input, `-`).
  int fd =
      is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return fail(ReadFailure::Io, "cannot open '" + shown + "': " + std::strerror(errno));
  struct FdCloser {
    int fd;
    bool owned;
    ~FdCloser() {
      if (owned) ::close(fd);
    }
  } closer{fd, !is_stdin};
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      return fail(ReadFailure::Io, "cannot read '" + shown + "': it is a directory");
    }
    if (!is_stdin && !S_ISREG(st.st_mode)) {
      return fail(ReadFailure::Io, "cannot read '" + shown + "': it is " + file_kind(st.st_mode) +
                                       ", not a regular file (to read a pipe, give - and " +
                                       "redirect it to standard input)");
    }
    if (!is_stdin) file_note_input(fd);
    if (S_ISREG(st.st_mode) && static_cast<uintmax_t>(st.st_size) > max_source_bytes) {
      return fail(ReadFailure::TooLarge, "'" + shown + "' is " + std::to_string(st.st_size >> 20) +
                                             " MB, past the limit of " +
                                             std::to_string(max_source_bytes >> 20) +
                                             " MB for a deck");
    }
  }
  // Read at most one byte past the limit: a pipe has no size to ask for.
  std::string bytes;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(ReadFailure::Io, "cannot read '" + shown + "': " + std::strerror(errno));
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<size_t>(n));
    if (bytes.size() > max_source_bytes) {
      return fail(ReadFailure::TooLarge, "'" + shown + "' is larger than the limit of " +
                                             std::to_string(max_source_bytes >> 20) +
                                             " MB for a deck");
    }
  }
  return Source(shown, std::move(bytes));
}

bool source_check_encoding(const Source& source, Diagnostics& diags) {
  std::string_view t = source.text();
  if (t.size() >= 2 &&
      ((static_cast<unsigned char>(t[0]) == 0xFF && static_cast<unsigned char>(t[1]) == 0xFE) ||
       (static_cast<unsigned char>(t[0]) == 0xFE && static_cast<unsigned char>(t[1]) == 0xFF))) {
    diags.error({0, 2}, "source.utf16",
                "the file is UTF-16; deckpdf reads UTF-8 (convert it, e.g. with iconv)");
    return false;
  }
  // A NUL byte first: it means a binary file (or UTF-16 without a byte-order
  // mark), and one error says so better than pages of invalid UTF-8.
  if (const void* nul = std::memchr(t.data(), 0, t.size())) {
    uint32_t at = static_cast<uint32_t>(static_cast<const char*>(nul) - t.data());
    bool utf16 = t.size() >= 4 && ((t[0] != 0 && t[1] == 0 && t[2] != 0 && t[3] == 0) ||
                                   (t[0] == 0 && t[1] != 0 && t[2] == 0 && t[3] != 0));
    diags.error({at, at + 1}, "source.nul",
                utf16 ? "NUL byte: the file looks like UTF-16; deckpdf reads UTF-8 (convert it, "
                        "e.g. with iconv)"
                      : "NUL byte: this looks like a binary file, not a Pug deck");
    return false;
  }
  bool ok = true;
  size_t bad = 0;
  constexpr size_t max_reported = 5;
  uint32_t first_unreported = 0;
  for (size_t i = 0; i < t.size();) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    uint32_t at = static_cast<uint32_t>(i);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    bool valid = len != 0 && i + len <= t.size();
    for (size_t k = 1; valid && k < len; ++k) {
      valid = is_continuation(static_cast<unsigned char>(t[i + k]));
    }
    if (valid && len > 1) {
      // Reject overlong forms, surrogates and values past U+10FFFF.
      uint32_t cp = c & (0xFF >> (len + 1));
      for (size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
      static const uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
      valid = cp >= min_for_len[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (!valid) {
      if (bad == max_reported) first_unreported = at;
      if (bad++ < max_reported) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", c);
        diags.error({at, at + 1}, "source.invalid-utf8",
                    std::string("invalid UTF-8: byte ") + hex + " does not start a valid sequence");
      }
      ok = false;
      ++i;
      continue;
    }
    i += len;
  }
  if (bad > max_reported) {
    diags.add({Severity::Note,
               "source.invalid-utf8",
               std::to_string(bad - max_reported) + " more invalid UTF-8 bytes from here on",
               {first_unreported, first_unreported + 1}});
  }
  return ok;
}

namespace {

bool is_fence(std::string_view line) {
  return trim(line) == "---";
}

size_t indentation(std::string_view line) {
  size_t k = 0;
  while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
  return k;
}

// `locals:` at line `key` and the lines indented below it (before the
// closing fence `last`) into fm.locals_json. Returns the last line read.
uint32_t front_matter_locals(const Source& source, uint32_t key, uint32_t last, FrontMatter& fm,
                             Diagnostics& diags) {
  std::string_view text = source.line_text(key);
  size_t indent = indentation(text);
  uint32_t at = source.line_start(key) + static_cast<uint32_t>(indent);
  std::string_view value = trim(text.substr(text.find(':') + 1));
  if (!value.empty() && value.front() != '#') {
    diags.error({at, at + static_cast<uint32_t>(trim(text).size())}, "source.front-matter-locals",
                "front matter locals: write the names on the lines below `locals:`, indented");
  }
  uint32_t end = key;
  for (uint32_t n = key + 1; n < last; ++n) {
    std::string_view t = source.line_text(n);
    if (trim(t).empty() || trim(t).front() == '#') continue;  // blank or comment: either way
    if (indentation(t) <= indent) break;
    end = n;
  }
  if (!fm.locals_json.empty()) {
    diags.error({at, at + 7}, "source.front-matter-locals",
                "front matter locals: `locals:` is given twice; the first one is kept");
  } else {
    fm.locals_json = front_locals_json(source, key + 1, end, indent, diags);
  }
  return end;
}

}  // namespace

const std::vector<std::string>& front_matter_keys() {
  static const std::vector<std::string> keys{"author",       "center",      "date",
                                             "description",  "event",       "keywords",
                                             "lang",         "locals",      "notesSeparator",
                                             "parser",       "separator",   "size",
                                             "slide-number", "slideNumber", "subject",
                                             "theme",        "title",       "verticalSeparator"};
  return keys;
}

namespace {

// A key deckpdf does not read: a warning, since a typo of one it reads
// (`thme:`) would otherwise do nothing, silently.
void key_check(const std::string& key, uint32_t at, Diagnostics& diags) {
  const std::vector<std::string>& keys = front_matter_keys();
  if (std::find(keys.begin(), keys.end(), key) != keys.end()) return;
  std::string message = "front matter key '" + key + "' is not one deckpdf reads";
  if (std::string near = nearest_name(key, keys); !near.empty()) {
    message += "; did you mean " + near + "?";
  }
  diags.warning({at, at + static_cast<uint32_t>(key.size())}, "source.front-matter-key",
                message + " (it reads " + names_list(keys) + "); it is ignored");
}

}  // namespace

FrontMatter source_parse_front_matter(const Source& source, Diagnostics& diags,
                                      uint32_t& body_offset) {
  FrontMatter fm;
  body_offset = 0;
  if (source.line_count() == 0 || source.line_text(1) != "---") return fm;
  fm.present = true;
  uint32_t last = 0;
  for (uint32_t line = 2; line <= source.line_count(); ++line) {
    if (is_fence(source.line_text(line))) {
      last = line;
      break;
    }
  }
  if (last == 0) {
    uint32_t begin = source.line_start(1);
    diags.error({begin, begin + 3}, "source.unterminated-front-matter",
                "front matter opened here is never closed with a '---' line");
    body_offset = static_cast<uint32_t>(source.text().size());
    fm.span = {0, body_offset};
    return fm;
  }
  for (uint32_t line = 2; line < last; ++line) {
    std::string_view text = source.line_text(line);
    std::string_view t = trim(text);
    if (t.empty() || t.front() == '#') continue;
    size_t colon = t.find(':');
    uint32_t at = source.line_start(line) + static_cast<uint32_t>(t.data() - text.data());
    if (colon == std::string_view::npos || colon == 0) {
      diags.warning({at, at + static_cast<uint32_t>(t.size())}, "source.front-matter-line",
                    "front matter line is not 'key: value'; it is ignored");
      continue;
    }
    std::string key(trim(t.substr(0, colon)));
    std::string_view value = trim(t.substr(colon + 1));
    key_check(key, at, diags);
    if (key == "locals") {
      line = front_matter_locals(source, line, last, fm, diags);
      continue;
    }
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      std::string v;
      for (size_t i = 1; i + 1 < value.size(); ++i) {
        if (value.front() == '"' && value[i] == '\\' && i + 2 < value.size()) {
          ++i;
          v.push_back(value[i] == 'n'   ? '\n'
                      : value[i] == 't' ? '\t'
                      : value[i] == 'r' ? '\r'
                                        : value[i]);
        } else if (value.front() == '\'' && value[i] == '\'' && i + 2 < value.size() &&
                   value[i + 1] == '\'') {
          v.push_back('\'');
          ++i;
        } else {
          v.push_back(value[i]);
        }
      }
      fm.values[key] = v;
    } else {
      fm.values[key] = std::string(value);
    }
    if (key == "date") {
      fm.date = date_parse(fm.values[key]);
      uint32_t value_at = at + static_cast<uint32_t>(value.data() - t.data());
      if (!fm.date) {
        diags.warning({value_at, value_at + static_cast<uint32_t>(value.size())},
                      "source.front-matter-date",
                      "front matter date '" + fm.values[key] +
                          "' is not a date deckpdf reads (2026-03-14, 2026-03-14 15:30, 14 March "
                          "2026); the PDF's date is not set from it");
      }
    }
    if (key == "lang" && !language_tag_well_formed(fm.values[key])) {
      uint32_t value_at = at + static_cast<uint32_t>(value.data() - t.data());
      diags.warning({value_at, value_at + static_cast<uint32_t>(value.size())},
                    "source.front-matter-lang",
                    "front matter lang '" + fm.values[key] +
                        "' is not a BCP 47 language tag (en, en-US, de-CH, zh-Hant); the PDF "
                        "does not name its language");
      fm.values.erase(key);
    }
  }
  body_offset = last < source.line_count() ? source.line_start(last + 1)
                                           : static_cast<uint32_t>(source.text().size());
  fm.span = {0, body_offset};
  return fm;
}

}  // namespace deckpdf
