// source/front_locals.cpp — front matter `locals:` (YAML subset) → JSON
// (see front_locals.h).
//
// The block is read line by line: each line's indentation says which map
// or list it belongs to, as in YAML's block style. A list item `- key: v`
// opens a map whose lines are aligned with `key`.
#include "source/front_locals.h"

#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "source/strings.h"

namespace deckpdf {

namespace {

constexpr const char* code = "source.front-matter-locals";

struct Line {
  uint32_t at;            // offset of text in the source
  size_t indent;          // spaces before text
  std::string_view text;  // from the first non-blank, trailing blanks removed
};

bool is_item(std::string_view t) {
  return t == "-" || t.starts_with("- ");
}

std::string_view trim_blanks(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

// `v` without a ` # comment` that is outside quotes.
std::string_view strip_comment(std::string_view v) {
  char quote = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (quote) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if ((c == '"' || c == '\'') && (i == 0 || v[i - 1] == ' ' || v[i - 1] == '[' ||
                                           v[i - 1] == ',' || v[i - 1] == '\t')) {
      quote = c;
    } else if (c == '#' && (i == 0 || v[i - 1] == ' ' || v[i - 1] == '\t')) {
      return trim_blanks(v.substr(0, i));
    }
  }
  return trim_blanks(v);
}

bool is_json_number(std::string_view v) {
  size_t i = 0, n = v.size();
  auto digits = [&] {
    size_t b = i;
    while (i < n && v[i] >= '0' && v[i] <= '9') ++i;
    return i > b;
  };
  if (i < n && v[i] == '-') ++i;
  if (i < n && v[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < n && v[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < n && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < n && (v[i] == '+' || v[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == n;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Reader {
 public:
  Reader(std::vector<Line> lines, Diagnostics& diags) : lines_(std::move(lines)), diags_(diags) {}

  std::string run() {
    if (lines_.empty()) return "{}";
    size_t i = 0;
    std::string out;
    if (is_item(lines_[0].text)) {
      error(lines_[0], "locals: is a map of names, not a list");
      return "{}";
    }
    out = block(i, 1);
    while (i < lines_.size()) {  // lines less indented than the first
      error(lines_[i], "less indented than the first line under locals:");
      ++i;
    }
    return out;
  }

 private:
  void error(const Line& l, const std::string& what, size_t from = 0, size_t to = 0) {
    if (to <= from) to = l.text.size();
    diags_.error({l.at + static_cast<uint32_t>(from), l.at + static_cast<uint32_t>(to)}, code,
                 "front matter locals: " + what);
  }

  // The map or list whose lines are indented like lines_[i].
  std::string block(size_t& i, int depth) {
    size_t indent = lines_[i].indent;
    if (depth > max_locals_depth) {
      error(lines_[i], "nested deeper than " + std::to_string(max_locals_depth) + " levels");
      while (i < lines_.size() && lines_[i].indent >= indent) ++i;
      return "null";
    }
    bool list = is_item(lines_[i].text);
    std::vector<std::string> entries;
    std::set<std::string> keys;
    while (i < lines_.size() && lines_[i].indent >= indent) {
      const Line& l = lines_[i];
      if (l.indent > indent) {
        error(l, "indented more than the line before it");
        ++i;
        continue;
      }
      if (is_item(l.text) != list) {
        if (list) break;  // a list under a key at the key's indentation ends here
        error(l, "a list item among the names of a map");
        ++i;
        continue;
      }
      if (++count_ > max_locals_entries) {
        if (count_ == max_locals_entries + 1) {
          error(l, "more than " + std::to_string(max_locals_entries) + " entries");
        }
        ++i;
        continue;
      }
      if (list) {
        std::string_view rest = strip_comment(l.text.substr(1));
        if (!rest.empty() && !rest.starts_with('"') && !rest.starts_with('\'') &&
            key_end(rest) != std::string_view::npos) {
          // `- key: value`: a map whose lines line up with `key`.
          size_t offset = static_cast<size_t>(rest.data() - l.text.data());
          lines_[i] = {l.at + static_cast<uint32_t>(offset), l.indent + offset, rest};
          entries.push_back(block(i, depth + 1));
          continue;
        }
        Line item = l;
        ++i;
        entries.push_back(rest.empty() ? nested(i, indent, depth) : scalar(rest, item));
        continue;
      }
      std::string key;
      std::string_view value;
      if (!split_key(l, key, value)) {
        ++i;
        continue;
      }
      Line entry = l;
      ++i;
      std::string v = value.empty() ? nested(i, indent, depth) : scalar(value, entry);
      if (!keys.insert(key).second) {
        error(entry, "'" + key + "' is given twice");
        continue;
      }
      entries.push_back("\"" + json_escape(key) + "\":" + v);
    }
    std::string out = list ? "[" : "{";
    for (size_t k = 0; k < entries.size(); ++k) {
      if (k) out += ",";
      out += entries[k];
    }
    return out + (list ? "]" : "}");
  }

  // The value of a key or item with nothing after it on its line: the
  // block indented below it (a list may also sit at the key's own
  // indentation), or null.
  std::string nested(size_t& i, size_t indent, int depth) {
    if (i < lines_.size() &&
        (lines_[i].indent > indent ||
         (lines_[i].indent == indent && is_item(lines_[i].text) && !is_item(lines_[i - 1].text)))) {
      return block(i, depth + 1);
    }
    return "null";
  }

  // Where the `:` ending a plain key is (followed by a blank or the end).
  static size_t key_end(std::string_view t) {
    for (size_t k = 0; k < t.size(); ++k) {
      if (t[k] == ':' && (k + 1 == t.size() || t[k + 1] == ' ' || t[k + 1] == '\t')) return k;
    }
    return std::string_view::npos;
  }

  bool split_key(const Line& l, std::string& key, std::string_view& value) {
    std::string_view t = l.text;
    size_t colon;
    if (t.front() == '"' || t.front() == '\'') {
      size_t close = t.find(t.front(), 1);
      std::string_view after =
          close == std::string_view::npos ? "" : trim_blanks(t.substr(close + 1));
      if (close == std::string_view::npos || !after.starts_with(':')) {
        error(l, "expected `\"name\": value`");
        return false;
      }
      key = std::string(t.substr(1, close - 1));
      colon = static_cast<size_t>(after.data() - t.data());
    } else {
      colon = key_end(t);
      if (colon == std::string_view::npos || colon == 0) {
        error(l, "expected `name: value`");
        return false;
      }
      key = std::string(trim_blanks(t.substr(0, colon)));
    }
    value = strip_comment(t.substr(colon + 1));
    return true;
  }

  // One value written on its line, as JSON.
  std::string scalar(std::string_view v, const Line& l) {
    size_t from = static_cast<size_t>(v.data() - l.text.data());
    auto bad = [&](const std::string& what) {
      error(l, what, from, from + v.size());
      return std::string("null");
    };
    char c = v.front();
    if (c == '"' || c == '\'') {
      std::string s;
      size_t end = quoted(v, s);
      if (end == 0) return bad("unterminated or malformed quoted string");
      if (end != v.size()) return bad("text after the closing quote");
      return "\"" + json_escape(s) + "\"";
    }
    if (c == '[') {
      if (v.back() != ']') return bad("a list written `[a, b]` must end with `]` on its line");
      return flow_list(v.substr(1, v.size() - 2), l);
    }
    if (c == '{') {
      if (trim_blanks(v.substr(1)) == "}") return "{}";
      return bad("maps written `{a: 1}` are not read; write them as indented lines");
    }
    if (std::string_view("|>&*!%@`").find(c) != std::string_view::npos) {
      return bad(std::string("values starting with '") + c +
                 "' (block scalars, anchors, aliases, tags) are not read; quote the text");
    }
    if (v == "true" || v == "True" || v == "TRUE") return "true";
    if (v == "false" || v == "False" || v == "FALSE") return "false";
    if (v == "null" || v == "Null" || v == "NULL" || v == "~") return "null";
    if (is_json_number(v)) return std::string(v);
    return "\"" + json_escape(v) + "\"";
  }

  // A quoted string at v[0]: its text into `s`; returns the position after
  // the closing quote, or 0.
  static size_t quoted(std::string_view v, std::string& s) {
    char q = v.front();
    for (size_t i = 1; i < v.size(); ++i) {
      char c = v[i];
      if (q == '\'' && c == '\'') {
        if (i + 1 < v.size() && v[i + 1] == '\'') {
          s += '\'';
          ++i;
          continue;
        }
        return i + 1;
      }
      if (q == '"' && c == '"') return i + 1;
      if (q == '"' && c == '\\') {
        if (++i >= v.size()) return 0;
        switch (v[i]) {
          case 'n': s += '\n'; break;
          case 't': s += '\t'; break;
          case 'r': s += '\r'; break;
          case '"': s += '"'; break;
          case '\\': s += '\\'; break;
          case '/': s += '/'; break;
          case 'u': {
            if (i + 4 >= v.size()) return 0;
            uint32_t cp = 0;
            for (size_t k = 1; k <= 4; ++k) {
              char h = v[i + k];
              int d = h >= '0' && h <= '9'   ? h - '0'
                      : h >= 'a' && h <= 'f' ? h - 'a' + 10
                      : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                             : -1;
              if (d < 0) return 0;
              cp = cp * 16 + static_cast<uint32_t>(d);
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
            append_utf8(s, cp);
            i += 4;
            break;
          }
          default: return 0;
        }
        continue;
      }
      s += c;
    }
    return 0;
  }

  // `a, "b", 3` inside `[...]`: scalars only.
  std::string flow_list(std::string_view inside, const Line& l) {
    std::string out = "[";
    if (trim_blanks(inside).empty()) return "[]";
    size_t b = 0;
    char quote = 0;
    bool first = true;
    for (size_t i = 0; i <= inside.size(); ++i) {
      char c = i < inside.size() ? inside[i] : ',';
      if (quote) {
        if (c == '\\' && quote == '"') {
          ++i;
        } else if (c == quote) {
          quote = 0;
        }
        if (i < inside.size()) continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        continue;
      }
      if (c != ',' || quote) continue;
      std::string_view item = trim_blanks(inside.substr(b, i - b));
      b = i + 1;
      if (!first) out += ",";
      first = false;
      if (item.empty() || item.front() == '[' || item.front() == '{') {
        std::string_view at = item.empty() ? inside : item;
        size_t from = static_cast<size_t>(at.data() - l.text.data());
        error(l,
              item.empty() ? "an empty item in a `[...]` list"
                           : "lists and maps inside `[...]` are not read; write them as "
                             "indented lines",
              from, from + at.size());
        out += "null";
        continue;
      }
      if (++count_ > max_locals_entries) {
        error(l, "more than " + std::to_string(max_locals_entries) + " entries");
        return out + "null]";
      }
      out += scalar(item, l);
    }
    return out + "]";
  }

  std::vector<Line> lines_;
  Diagnostics& diags_;
  size_t count_ = 0;
};

}  // namespace

std::string front_locals_json(const Source& source, uint32_t first, uint32_t last,
                              size_t key_indent, Diagnostics& diags) {
  std::vector<Line> lines;
  for (uint32_t n = first; n <= last && n <= source.line_count(); ++n) {
    std::string_view text = source.line_text(n);
    size_t k = 0;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    std::string_view rest = trim_blanks(text.substr(k));
    if (rest.empty() || rest.front() == '#') continue;
    uint32_t at = source.line_start(n) + static_cast<uint32_t>(k);
    if (text.substr(0, k).find('\t') != std::string_view::npos) {
      diags.error({source.line_start(n), at}, code,
                  "front matter locals: tabs in the indentation (YAML indents with spaces)");
      continue;
    }
    if (k <= key_indent) break;  // cannot happen: the caller gives indented lines
    lines.push_back({at, k, rest});
  }
  return Reader(std::move(lines), diags).run();
}

}  // namespace deckpdf
