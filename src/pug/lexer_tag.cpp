// pug/lexer_tag.cpp — the Lexer's tags and attribute lists: a tag with its
// `#id`, `.class`, `(attributes)` and `&attributes`, what follows it on the
// line, and the extent of quoted strings and attribute values.
#include <algorithm>
#include <string>

#include "pug/lexer_impl.h"

namespace deckpdf::pug::detail {

// A tag, `#id` or `.class` with its attributes, then what follows on the
// line: `: expansion`, `.` text block, `= code`, ` text` or `/`.
uint32_t Lexer::tag(uint32_t p, uint32_t& end, size_t level, bool stop_bracket, int depth,
                    bool& colon) {
  colon = false;
  if (is_word(s_[p])) {
    // Tag names: \w(?:[-:\w]*\w)?  (a ':' must be followed by a word character)
    uint32_t e = p;
    while (e < end && (is_word(s_[e]) || s_[e] == '-' ||
                       (s_[e] == ':' && e + 1 < end && is_word(s_[e + 1])))) {
      ++e;
    }
    while (e > p + 1 && s_[e - 1] == '-') --e;
    push(TokenKind::Tag, {p, e}, view(p, e));
    p = e;
  }
  for (;;) {
    if (p >= end) return stop_bracket ? end : next_line(end);
    char c = s_[p];
    if ((c == '#' || c == '.') && p + 1 < end && (is_word(s_[p + 1]) || s_[p + 1] == '-') &&
        !(c == '#' && s_[p + 1] == '{')) {
      uint32_t e = p + 1;
      while (e < end && (is_word(s_[e]) || s_[e] == '-')) ++e;
      push(c == '#' ? TokenKind::Id : TokenKind::Class, {p, e}, view(p + 1, e));
      p = e;
      continue;
    }
    if (c == '(') {
      p = attributes(p, end, level, stop_bracket);
      // Attributes may run over several lines.
      if (!stop_bracket && p > end) end = eol(p);
      continue;
    }
    if (c == '&' && view(p, end).substr(0, 11) == "&attributes") {
      uint32_t q = p + 11;
      uint32_t e = q;
      if (q < end && s_[q] == '(') e = js_extent(q, end, stop_bracket, /*one_group*/ true);
      push(TokenKind::AndAttributes, {p, e}, view(q, e));
      p = e;
      continue;
    }
    break;
  }
  char c = s_[p];
  if (c == '/') {
    push(TokenKind::Slash, {p, p + 1});
    ++p;
    if (p >= end) return stop_bracket ? end : next_line(end);
    c = s_[p];
  }
  if (c == ':' && p + 1 < end && is_blank(s_[p + 1])) {
    push(TokenKind::Colon, {p, p + 1});
    ++p;
    while (p < end && is_blank(s_[p])) ++p;
    colon = true;
    return p;
  }
  if (c == ':' && p + 1 >= end) {
    push(TokenKind::Colon, {p, p + 1});
    return stop_bracket ? end : next_line(end);
  }
  if (c == '.' && !stop_bracket && only_blanks(p + 1, end)) {
    push(TokenKind::Dot, {p, p + 1});
    return text_block(next_line(end), level, /*interpolate*/ true);
  }
  if (c == '=' || (c == '!' && p + 1 < end && s_[p + 1] == '=')) {
    return code(p, end, level, stop_bracket);
  }
  if (c == ' ' || c == '\t') {
    ++p;
    uint32_t stop = text(p, end, stop_bracket, depth);
    return stop_bracket ? stop : next_line(end);
  }
  if (stop_bracket && c == ']') return p;
  diags_.error({p, p + 1}, "pug.unexpected-text",
               "unexpected text after the tag; put a space before text");
  uint32_t stop = text(p, end, stop_bracket, depth);
  return stop_bracket ? stop : next_line(end);
}

// --- attributes ----------------------------------------------------------

// The attribute list at s_[p] == '('. Returns the position after ')'. The
// list may continue on following lines that are indented deeper than
// `level` (or start with ')'); otherwise it is unclosed.
uint32_t Lexer::attributes(uint32_t p, uint32_t end, size_t level, bool stop_bracket) {
  uint32_t open = p;
  push(TokenKind::AttrsStart, {p, p + 1});
  uint32_t i = p + 1;
  bool string_error = false;
  auto unclosed = [&](uint32_t at) {
    if (!string_error) {
      diags_.error({open, open + 1}, "pug.unclosed-paren", "unclosed '(' of the attribute list");
    }
    push(TokenKind::AttrsEnd, {at, at});
    return at;
  };
  for (;;) {
    while (i < len() && (is_blank(s_[i]) || s_[i] == ',')) ++i;
    if (i >= len() || (stop_bracket && i >= end)) return unclosed(stop_bracket ? end : len());
    char c = s_[i];
    if (c == ')') {
      push(TokenKind::AttrsEnd, {i, i + 1});
      return i + 1;
    }
    if (c == '\n') {
      if (stop_bracket) return unclosed(i);
      uint32_t nb = i + 1;
      uint32_t ne = eol(nb);
      uint32_t q = nb;
      while (q < ne && is_blank(s_[q])) ++q;
      if (q == ne || s_[q] == ')' || (q - nb) > level) {
        i = nb;
        continue;
      }
      return unclosed(i);
    }
    // The name: up to whitespace, '=', '!=', ',', ')' or a line end.
    uint32_t nb = i;
    std::string_view name;
    if (c == '"' || c == '\'') {
      uint32_t e = string_end(i, stop_bracket ? end : len());
      if (e == 0) {
        string_error = true;
        diags_.error({i, i + 1}, "pug.unterminated-string", "unterminated string");
        i = eol(i);
        continue;
      }
      name = view(i + 1, e - 1);
      i = e;
      // `div("foo"abc)`: pug-lexer refuses what sticks to a quoted name.
      if (i < len() && !is_blank(s_[i]) && s_[i] != '=' && s_[i] != '!' && s_[i] != ',' &&
          s_[i] != ')' && s_[i] != '\n') {
        bad_key_character(i, i);
        i = skip_attribute(i, stop_bracket ? end : len());
        continue;
      }
    } else {
      // As in pug-lexer, a name ends at '!' (which must start `!=`).
      while (i < len() && !is_blank(s_[i]) && s_[i] != '=' && s_[i] != ',' && s_[i] != ')' &&
             s_[i] != '\n' && s_[i] != '(' && s_[i] != '!') {
        // A quote inside a name opens a string (pug.js finds the list's ')'
        // outside strings): one never closed, as in `a(href="x title="y z")`,
        // swallows the ')' and is the error, at that quote.
        if ((s_[i] == '"' || s_[i] == '\'') && string_end(i, stop_bracket ? end : len()) == 0) {
          break;
        }
        ++i;
      }
      if (i < len() && (s_[i] == '"' || s_[i] == '\'')) {
        string_error = true;
        diags_.error({i, i + 1}, "pug.unterminated-string", "unterminated string");
        i = eol(i);
        continue;
      }
      if (i == nb) {
        diags_.error({i, i + 1}, "pug.attribute-syntax",
                     std::string("unexpected '") + s_[i] + "' in the attribute list");
        ++i;
        continue;
      }
      name = view(nb, i);
    }
    Token t;
    t.kind = TokenKind::Attr;
    t.value = name;
    uint32_t j = i;
    while (j < len() && is_blank(s_[j])) ++j;
    bool bang = j + 1 < len() && s_[j] == '!' && s_[j + 1] == '=';
    if (j < len() && s_[j] == '!' && !bang) {
      // `div(foo!~abc)`: at the '!', as pug-lexer reports it.
      bad_key_character(j, j + 1);
      i = skip_attribute(j, stop_bracket ? end : len());
      continue;
    }
    if (j < len() && (s_[j] == '=' || bang)) {
      t.escaped = !bang;
      j += bang ? 2 : 1;
      while (j < len() && is_blank(s_[j])) ++j;
      uint32_t vb = j;
      uint32_t limit = stop_bracket ? end : len();
      bool bad_string = false;
      uint32_t ve = attribute_value_end(vb, limit, bad_string);
      t.malformed = bad_string;
      string_error = string_error || bad_string;
      t.rest = view(vb, ve);
      t.rest_span = {vb, ve};
      t.span = {nb, ve};
      i = ve;
      if (ve == vb) {
        diags_.error({vb, std::min(vb + 1, len())}, "pug.attribute-syntax",
                     "missing attribute value after '='");
      }
    } else {
      t.boolean = true;
      t.span = {nb, i};
    }
    tokens_.push_back(t);
  }
}

// pug's INVALID_KEY_CHARACTER: a character after an attribute name that
// can neither end it nor start its `=value`.
// Reported at `at`, naming the character at `bad` (a whole UTF-8
// sequence).
void Lexer::bad_key_character(uint32_t at, uint32_t bad) {
  std::string shown = "a line end";
  if (bad < len() && s_[bad] != '\n') {
    uint32_t e = bad + 1;
    while (e < len() && e < bad + 4 && (static_cast<unsigned char>(s_[e]) & 0xC0) == 0x80) ++e;
    shown = "'" + std::string(view(bad, e)) + "'";
  }
  diags_.error({at, at + 1}, "pug.attribute-syntax",
               "unexpected " + shown + " after the attribute name" + (at == bad ? "" : " and '!'") +
                   "; expected `=`");
}

// Past the rest of a malformed attribute: to the next blank, ',' or ')'
// (or the line end), so that the list goes on after it.
uint32_t Lexer::skip_attribute(uint32_t i, uint32_t limit) const {
  while (i < limit && !is_blank(s_[i]) && s_[i] != ',' && s_[i] != ')' && s_[i] != '\n') ++i;
  return i;
}

// The end of a quoted string starting at s_[i] (a quote): the position
// after the closing quote, or 0 when the line (or `limit`) ends first.
// Template literals may span lines.
uint32_t Lexer::string_end(uint32_t i, uint32_t limit) const {
  char q = s_[i];
  for (uint32_t k = i + 1; k < limit; ++k) {
    char c = s_[k];
    if (c == '\\') {
      ++k;
      continue;
    }
    if (c == q) return k + 1;
    if (c == '\n' && q != '`') return 0;
  }
  return 0;
}

// The end of an attribute value (a string or a JavaScript expression):
// at depth 0, a ',', ')', a line end, or whitespace not followed by an
// operator ends it.
uint32_t Lexer::attribute_value_end(uint32_t i, uint32_t limit, bool& string_error) {
  int depth = 0;
  int ternary = 0;  // '?' waiting for its ':'
  bool last_operator = true;
  while (i < limit) {
    char c = s_[i];
    if (c == '"' || c == '\'' || c == '`') {
      uint32_t e = string_end(i, limit);
      if (e == 0) {
        diags_.error({i, i + 1}, "pug.unterminated-string", "unterminated string");
        string_error = true;
        uint32_t stop = eol(i);
        // Recover at a ')' on the same line if there is one.
        size_t close = s_.find(')', i);
        return close != std::string_view::npos && close < stop ? static_cast<uint32_t>(close)
                                                               : stop;
      }
      i = e;
      last_operator = false;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0) return i;
      --depth;
    } else if (depth == 0) {
      if (c == ',' || c == '\n') return i;
      if (is_blank(c)) {
        uint32_t k = i;
        while (k < limit && is_blank(s_[k])) ++k;
        // `a ? b : c` continues at ':', but `x="1" :key="2"` is a new
        // attribute (Vue's `:name` shorthand).
        bool op =
            k < limit && std::string_view("+-*/%&|^<>=?.").find(s_[k]) != std::string_view::npos;
        // `new Date(0)`, `typeof x`: a unary keyword is not the value's end.
        uint32_t w = i;
        while (w > 0 && is_word(s_[w - 1])) --w;
        std::string_view word = view(w, i);
        if (word == "new" || word == "typeof" || word == "void" || word == "delete") op = true;
        if (k < limit && s_[k] == ':' && ternary > 0) op = true;
        if (!op && !last_operator) return i;
        i = k;
        continue;
      }
    }
    if (depth == 0 && c == '?') ++ternary;
    if (depth == 0 && c == ':' && ternary > 0) --ternary;
    if (!is_blank(c)) {
      last_operator = std::string_view("+-*/%&|^<>=?:.!~").find(c) != std::string_view::npos;
    }
    ++i;
  }
  return i;
}

}  // namespace deckpdf::pug::detail
