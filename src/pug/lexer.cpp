// pug/lexer.cpp — the Pug lexer (see lexer.h).
//
// Reference: pug-lexer (pugjs/pug, packages/pug-lexer). Deviations:
//   - JavaScript is only scanned for its extent (strings, brackets), never
//     parsed; the parser reports it.
//   - Errors do not stop the lexer; it reports and carries on.
//   - A line indented past `max_nesting` levels is kept at that depth.
#include "pug/lexer.h"

#include <algorithm>
#include <string>

namespace deckpdf::pug {

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::Eos: return "eos";
    case TokenKind::Newline: return "newline";
    case TokenKind::Indent: return "indent";
    case TokenKind::Outdent: return "outdent";
    case TokenKind::Tag: return "tag";
    case TokenKind::Id: return "id";
    case TokenKind::Class: return "class";
    case TokenKind::AttrsStart: return "start-attributes";
    case TokenKind::Attr: return "attribute";
    case TokenKind::AttrsEnd: return "end-attributes";
    case TokenKind::AndAttributes: return "&attributes";
    case TokenKind::Colon: return ":";
    case TokenKind::Dot: return "dot";
    case TokenKind::Slash: return "slash";
    case TokenKind::Pipe: return "pipe";
    case TokenKind::Text: return "text";
    case TokenKind::InterpCode: return "interpolated-code";
    case TokenKind::InterpStart: return "start-pug-interpolation";
    case TokenKind::InterpEnd: return "end-pug-interpolation";
    case TokenKind::TextBlockStart: return "start-pipeless-text";
    case TokenKind::TextBlockEnd: return "end-pipeless-text";
    case TokenKind::Comment: return "comment";
    case TokenKind::Filter: return "filter";
    case TokenKind::Code: return "code";
    case TokenKind::Keyword: return "keyword";
    case TokenKind::Html: return "text-html";
    case TokenKind::Doctype: return "doctype";
  }
  return "?";
}

namespace {

// Nested `#[...]` deeper than this is an error.
constexpr int max_interpolation_depth = 32;

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

class Lexer {
 public:
  Lexer(const Source& source, uint32_t body_offset, Diagnostics& diags)
      : s_(source.text()), diags_(diags), pos_(body_offset) {
    if (pos_ > s_.size()) pos_ = static_cast<uint32_t>(s_.size());
    // A UTF-8 byte-order mark at the start of the body is not content.
    if (s_.substr(pos_, 3) == "\xEF\xBB\xBF") pos_ += 3;
  }

  std::vector<Token> run() {
    bool first = true;
    while (pos_ < s_.size()) {
      uint32_t line_begin = pos_;
      uint32_t line_end = eol(pos_);
      uint32_t p = line_begin;
      while (p < line_end && is_blank(s_[p])) ++p;
      if (p == line_end) {  // blank line
        pos_ = next_line(line_end);
        continue;
      }
      size_t level = indentation(line_begin, p);
      indent_to(level, line_begin, p, first);
      first = false;
      pos_ = statement(p, line_end, level);
    }
    while (stack_.size() > 1) {
      if (!stack_.back().virt) push(TokenKind::Outdent, {len(), len()});
      stack_.pop_back();
    }
    push(TokenKind::Eos, {len(), len()});
    return std::move(tokens_);
  }

 private:
  struct Level {
    size_t width;
    bool virt;  // past max_nesting: no Indent token was made
  };

  uint32_t len() const { return static_cast<uint32_t>(s_.size()); }
  uint32_t eol(uint32_t p) const {
    size_t e = s_.find('\n', p);
    return e == std::string_view::npos ? len() : static_cast<uint32_t>(e);
  }
  uint32_t next_line(uint32_t line_end) const { return line_end < len() ? line_end + 1 : len(); }
  std::string_view view(uint32_t b, uint32_t e) const { return s_.substr(b, e - b); }

  Token& push(TokenKind kind, Span span, std::string_view value = {}) {
    Token t;
    t.kind = kind;
    t.span = span;
    t.value = value;
    tokens_.push_back(t);
    return tokens_.back();
  }

  // --- indentation ---------------------------------------------------------

  // Counts the indentation of a line [b, p) and checks that it uses one kind
  // of character, the same in the whole file.
  size_t indentation(uint32_t b, uint32_t p) {
    for (uint32_t i = b; i < p; ++i) {
      if (indent_char_ == 0) indent_char_ = s_[i];
      if (s_[i] != indent_char_) {
        diags_.error({i, i + 1}, "pug.mixed-indentation",
                     std::string("inconsistent indentation: this line uses ") +
                         (s_[i] == '\t' ? "a tab" : "a space") + " where the file indents with " +
                         (indent_char_ == '\t' ? "tabs" : "spaces"));
        break;
      }
    }
    return p - b;
  }

  void indent_to(size_t level, uint32_t line_begin, uint32_t p, bool first) {
    Span at{p, p};
    if (level > stack_.back().width) {
      size_t real = 0;
      for (const Level& l : stack_) real += l.virt ? 0 : 1;
      if (real > max_nesting) {
        if (!too_deep_reported_) {
          diags_.error(at, "pug.too-deep",
                       "nesting deeper than " + std::to_string(max_nesting) +
                           " levels; deeper lines are kept at that depth");
          too_deep_reported_ = true;
        }
        stack_.push_back({level, true});
      } else {
        stack_.push_back({level, false});
        push(TokenKind::Indent, {line_begin, p});
      }
      return;
    }
    if (level < stack_.back().width) {
      while (stack_.size() > 1 && stack_.back().width > level) {
        if (!stack_.back().virt) push(TokenKind::Outdent, at);
        stack_.pop_back();
      }
      if (stack_.back().width != level) {
        diags_.error({line_begin, p}, "pug.inconsistent-indentation",
                     "inconsistent indentation: expected " + std::to_string(stack_.back().width) +
                         " or more characters of indentation, found " + std::to_string(level));
        stack_.push_back({level, false});
        push(TokenKind::Indent, {line_begin, p});
      }
      return;
    }
    if (!first) push(TokenKind::Newline, at);
  }

  // --- statements ----------------------------------------------------------

  // Lexes one statement starting at p on a line ending at `end`; `level` is
  // the line's indentation. Returns where the next line starts. In an
  // interpolation (`stop_bracket`), the statement ends at an unmatched ']'
  // and the returned position is that of the ']' (or `end`).
  uint32_t statement(uint32_t p, uint32_t end, size_t level, bool stop_bracket = false,
                     int depth = 0) {
    for (;;) {
      if (p >= end) return stop_bracket ? end : next_line(end);
      char c = s_[p];
      std::string_view rest = view(p, end);
      if (rest.substr(0, 2) == "//") return comment(p, end, level, stop_bracket);
      if (c == '<' && !stop_bracket) {
        uint32_t e = end;
        while (e > p && is_blank(s_[e - 1])) --e;
        push(TokenKind::Html, {p, e}, view(p, e));
        return next_line(end);
      }
      if (c == '|') {
        push(TokenKind::Pipe, {p, p + 1});
        uint32_t q = p + 1;
        if (q < end && s_[q] == ' ') ++q;
        uint32_t stop = text(q, end, stop_bracket, depth);
        return stop_bracket ? stop : next_line(end);
      }
      if (c == '-' || c == '=' || (c == '!' && rest.substr(0, 2) == "!=")) {
        return code(p, end, level, stop_bracket);
      }
      if (c == ':' && p + 1 < end && is_word(s_[p + 1])) return filter(p, end, level, stop_bracket);
      if (c == '.' && (p + 1 >= end || only_blanks(p + 1, end)) && !stop_bracket) {
        push(TokenKind::Dot, {p, p + 1});
        return text_block(next_line(end), level, /*interpolate*/ true);
      }
      if (c == '+' && p + 1 < end && (is_word(s_[p + 1]) || s_[p + 1] == '#')) {
        return keyword(p, p, end, level, stop_bracket);
      }
      if (is_word(c)) {
        uint32_t w = p;
        while (w < end && (is_word(s_[w]) || s_[w] == '-')) ++w;
        std::string_view word = view(p, w);
        if (is_keyword(word, w, end)) {
          if (word == "doctype") {
            push(TokenKind::Doctype, {p, end}, trim(view(w, end)));
            return next_line(end);
          }
          return keyword(p, w, end, level, stop_bracket);
        }
      }
      if (is_word(c) ||
          ((c == '#' || c == '.') && p + 1 < end && (is_word(s_[p + 1]) || s_[p + 1] == '-'))) {
        // A tag. After `tag:` comes another statement on the same line.
        bool colon = false;
        p = tag(p, end, level, stop_bracket, depth, colon);
        if (colon) continue;
        return p;
      }
      if (c == '#' && rest.substr(0, 2) == "#{") {
        diags_.error({p, p + 2}, "pug.javascript",
                     "interpolated tag names (`#{...}`) need JavaScript, which is never run; "
                     "the rest of the line is kept as text");
        uint32_t close = js_close(p + 2, end, '}');
        if (close != 0) {
          p = close + 1;
          if (p < end && is_blank(s_[p])) ++p;
        }
      } else if (stop_bracket && c == ']') {
        return p;
      } else {
        diags_.error({p, p + 1}, "pug.unexpected-text",
                     "unexpected text at the start of a line; use `| text` for plain text");
      }
      uint32_t stop = text(p, end, stop_bracket, depth);
      return stop_bracket ? stop : next_line(end);
    }
  }

  bool only_blanks(uint32_t b, uint32_t e) const {
    for (uint32_t i = b; i < e; ++i) {
      if (!is_blank(s_[i])) return false;
    }
    return true;
  }

  static std::string_view trim(std::string_view v) {
    while (!v.empty() && is_blank(v.front())) v.remove_prefix(1);
    while (!v.empty() && is_blank(v.back())) v.remove_suffix(1);
    return v;
  }

  // Words pug reads as keywords at the start of a statement.
  bool is_keyword(std::string_view word, uint32_t w, uint32_t end) const {
    static constexpr std::string_view words[] = {
        "doctype", "include", "extends", "block",   "append", "prepend", "mixin", "if",   "else",
        "unless",  "case",    "when",    "default", "each",   "for",     "while", "yield"};
    bool known = false;
    for (std::string_view k : words) known = known || k == word;
    if (!known) return false;
    if (w >= end) {
      return word == "else" || word == "default" || word == "yield" || word == "block" ||
             word == "doctype";
    }
    char next = s_[w];
    if (word == "include" || word == "extends") return next == ' ' || next == ':';
    if (word == "if" || word == "unless" || word == "while" || word == "when" || word == "case") {
      return next == ' ' || next == '(';
    }
    if (word == "default" || word == "else" || word == "yield") {
      return next == ' ' || next == ':' || next == '\t';
    }
    return next == ' ' || next == '\t';
  }

  uint32_t keyword(uint32_t p, uint32_t w, uint32_t end, size_t level, bool stop_bracket) {
    uint32_t word_end = w;
    if (s_[p] == '+') {  // a mixin call: `+name(args)`
      word_end = p + 1;
      while (word_end < end && (is_word(s_[word_end]) || s_[word_end] == '-')) ++word_end;
    }
    uint32_t stop = end;
    if (stop_bracket) stop = js_extent(word_end, end, /*stop_bracket*/ true);
    Token& t = push(TokenKind::Keyword, {p, stop}, view(p, word_end));
    uint32_t r = word_end;
    while (r < stop && is_blank(s_[r])) ++r;
    t.rest = view(r, stop);
    t.rest_span = {r, stop};
    (void)level;
    return stop_bracket ? stop : next_line(end);
  }

  uint32_t comment(uint32_t p, uint32_t end, size_t level, bool stop_bracket) {
    bool buffered = !(p + 2 < end && s_[p + 2] == '-');
    uint32_t b = p + (buffered ? 2 : 3);
    uint32_t stop = end;
    if (stop_bracket) {
      size_t close = s_.find(']', b);
      stop = close == std::string_view::npos || close > end ? end : static_cast<uint32_t>(close);
    }
    Token& t = push(TokenKind::Comment, {p, stop}, view(b, stop));
    t.buffered = buffered;
    if (stop_bracket) return stop;
    return text_block(next_line(end), level, /*interpolate*/ false);
  }

  uint32_t code(uint32_t p, uint32_t end, size_t level, bool stop_bracket) {
    bool buffered = s_[p] != '-';
    bool escaped = s_[p] != '!';
    uint32_t b = p + (s_[p] == '!' ? 2 : 1);
    while (b < end && is_blank(s_[b])) ++b;
    uint32_t stop = stop_bracket ? js_extent(b, end, /*stop_bracket*/ true) : end;
    uint32_t e = stop;
    while (e > b && is_blank(s_[e - 1])) --e;
    Token& t = push(TokenKind::Code, {p, e}, view(b, e));
    t.buffered = buffered;
    t.escaped = escaped;
    if (stop_bracket) return stop;
    if (!buffered && b == e) {
      // `-` alone: the indented block below is JavaScript.
      return text_block(next_line(end), level, /*interpolate*/ false);
    }
    return next_line(end);
  }

  uint32_t filter(uint32_t p, uint32_t end, size_t level, bool stop_bracket) {
    uint32_t n = p + 1;
    while (n < end && (is_word(s_[n]) || s_[n] == '-' || s_[n] == '.')) ++n;
    push(TokenKind::Filter, {p, n}, view(p + 1, n));
    uint32_t q = n;
    if (q < end && s_[q] == '(') q = attributes(q, end, level, stop_bracket);
    if (q < end && s_[q] == ':' && q + 1 < end && is_word(s_[q + 1])) {
      // Chained filters `:a:b`: the next one applies first.
      return filter(q, end, level, stop_bracket);
    }
    if (q < end && s_[q] == ' ') {
      ++q;
      uint32_t stop = end;
      if (stop_bracket) {
        size_t close = s_.find(']', q);
        stop = close == std::string_view::npos || close > end ? end : static_cast<uint32_t>(close);
      }
      push(TokenKind::Text, {q, stop}, view(q, stop));
      return stop_bracket ? stop : next_line(end);
    }
    if (stop_bracket) return q;
    return text_block(next_line(end), level, /*interpolate*/ false);
  }

  // A tag, `#id` or `.class` with its attributes, then what follows on the
  // line: `: expansion`, `.` text block, `= code`, ` text` or `/`.
  uint32_t tag(uint32_t p, uint32_t& end, size_t level, bool stop_bracket, int depth, bool& colon) {
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
  uint32_t attributes(uint32_t p, uint32_t end, size_t level, bool stop_bracket) {
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
      } else {
        while (i < len() && !is_blank(s_[i]) && s_[i] != '=' && s_[i] != ',' && s_[i] != ')' &&
               s_[i] != '\n' && s_[i] != '(' &&
               !(s_[i] == '!' && i + 1 < len() && s_[i + 1] == '=')) {
          ++i;
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

  // The end of a quoted string starting at s_[i] (a quote): the position
  // after the closing quote, or 0 when the line (or `limit`) ends first.
  // Template literals may span lines.
  uint32_t string_end(uint32_t i, uint32_t limit) const {
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
  uint32_t attribute_value_end(uint32_t i, uint32_t limit, bool& string_error) {
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

  // The extent of JavaScript from `i`: to the line end, or (in an
  // interpolation) to an unmatched ']'; with `one_group`, to the end of the
  // bracket group starting at i.
  uint32_t js_extent(uint32_t i, uint32_t end, bool stop_bracket, bool one_group = false) const {
    int depth = 0;
    while (i < end) {
      char c = s_[i];
      if (c == '"' || c == '\'' || c == '`') {
        uint32_t e = string_end(i, end);
        if (e == 0) return end;
        i = e;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          if (stop_bracket && c == ']') return i;
        } else {
          --depth;
          if (one_group && depth == 0) return i + 1;
        }
      }
      ++i;
    }
    return end;
  }

  // --- text ----------------------------------------------------------------

  // Text from p to `end` with `#{}`, `!{}` and `#[]` interpolation and `\#`
  // escapes. In an interpolation, stops at an unmatched ']' and returns its
  // position.
  uint32_t text(uint32_t p, uint32_t end, bool stop_bracket, int depth) {
    uint32_t run = p;  // start of plain text not yet pushed
    auto flush = [&](uint32_t e) {
      if (e > run) push(TokenKind::Text, {run, e}, view(run, e));
    };
    uint32_t i = p;
    while (i < end) {
      char c = s_[i];
      if (c == '\\' && i + 2 < end + 1 && i + 1 < end && (s_[i + 1] == '#' || s_[i + 1] == '!') &&
          i + 2 < end && (s_[i + 2] == '{' || s_[i + 2] == '[')) {
        // `\#{`, `\#[`, `\!{`: the backslash goes, the rest is literal.
        flush(i);
        run = i + 1;
        i += 3;
        continue;
      }
      if ((c == '#' || c == '!') && i + 1 < end && s_[i + 1] == '{') {
        uint32_t close = js_close(i + 2, end, '}');
        if (close == 0) {
          diags_.error({i, i + 2}, "pug.unclosed-interpolation",
                       std::string("unclosed '") + c + "{'; the text is kept as written");
          i += 2;
          continue;
        }
        flush(i);
        Token& t = push(TokenKind::InterpCode, {i, close + 1}, view(i + 2, close));
        t.escaped = c == '#';
        i = close + 1;
        run = i;
        continue;
      }
      if (c == '#' && i + 1 < end && s_[i + 1] == '[' && i >= no_interpolation_before_) {
        if (depth >= max_interpolation_depth) {
          diags_.error({i, i + 2}, "pug.too-deep", "tag interpolation nested too deeply");
          i += 2;
          continue;
        }
        flush(i);
        size_t mark = tokens_.size();
        push(TokenKind::InterpStart, {i, i + 2});
        uint32_t stop = statement(i + 2, end, 0, /*stop_bracket*/ true, depth + 1);
        if (stop >= end || s_[stop] != ']') {
          // No closing ']': the whole thing is text.
          tokens_.resize(mark);
          diags_.error({i, i + 2}, "pug.unclosed-interpolation",
                       "unclosed '#['; the text is kept as written");
          // No later '#[' on this line can close either: reading each again
          // would take exponential time on `#[#[#[…`.
          no_interpolation_before_ = end;
          run = i;
          i += 2;
          continue;
        }
        push(TokenKind::InterpEnd, {stop, stop + 1});
        i = stop + 1;
        run = i;
        continue;
      }
      if (stop_bracket && c == ']') {
        flush(i);
        return i;
      }
      ++i;
    }
    flush(end);
    return end;
  }

  // The position of the `close` character ending a JavaScript expression
  // that starts at i, or 0.
  uint32_t js_close(uint32_t i, uint32_t end, char close) const {
    int depth = 0;
    while (i < end) {
      char c = s_[i];
      if (c == '"' || c == '\'' || c == '`') {
        uint32_t e = string_end(i, end);
        if (e == 0) return 0;
        i = e;
        continue;
      }
      if (c == close && depth == 0) return i;
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      ++i;
    }
    return 0;
  }

  // An indented text block starting at line `p`: every following line that
  // is blank or indented deeper than `level`. The indentation of its least
  // indented line is removed (pug-lexer's pipelessText). Blank lines at the
  // very end of the file are dropped.
  uint32_t text_block(uint32_t p, size_t level, bool interpolate) {
    struct Line {
      uint32_t begin, end;
      size_t indent;
      bool blank;
    };
    std::vector<Line> lines;
    size_t min_indent = SIZE_MAX;
    uint32_t q = p;
    while (q < len()) {
      uint32_t e = eol(q);
      uint32_t k = q;
      while (k < e && is_blank(s_[k])) ++k;
      if (k == e) {
        lines.push_back({q, e, k - q, true});
      } else {
        if (k - q <= level) break;
        min_indent = std::min<size_t>(min_indent, k - q);
        lines.push_back({q, e, k - q, false});
      }
      q = next_line(e);
    }
    if (q >= len()) {
      while (!lines.empty() && lines.back().blank) lines.pop_back();
    }
    // Trailing blank lines before a following statement stay in the block
    // (pug does the same), but only when the block has text at all.
    bool any = false;
    for (const Line& l : lines) any = any || !l.blank;
    if (!any) return q;
    push(TokenKind::TextBlockStart, {lines.front().begin, lines.front().begin});
    for (size_t n = 0; n < lines.size(); ++n) {
      const Line& l = lines[n];
      if (n > 0) push(TokenKind::Newline, {l.begin, l.begin});
      uint32_t b = l.begin + static_cast<uint32_t>(std::min(min_indent, size_t(l.end - l.begin)));
      if (b >= l.end) {
        push(TokenKind::Text, {b, b}, view(b, b));
        continue;
      }
      if (interpolate) {
        size_t before = tokens_.size();
        text(b, l.end, /*stop_bracket*/ false, 0);
        if (tokens_.size() == before) push(TokenKind::Text, {b, b}, view(b, b));
      } else {
        push(TokenKind::Text, {b, l.end}, view(b, l.end));
      }
    }
    uint32_t last = lines.back().end;
    push(TokenKind::TextBlockEnd, {last, last});
    return q;
  }

  std::string_view s_;
  Diagnostics& diags_;
  uint32_t pos_;
  std::vector<Token> tokens_;
  std::vector<Level> stack_{{0, false}};
  char indent_char_ = 0;
  bool too_deep_reported_ = false;
  uint32_t no_interpolation_before_ = 0;  // see text()
};

}  // namespace

std::vector<Token> lex(const Source& source, uint32_t body_offset, Diagnostics& diags) {
  return Lexer(source, body_offset, diags).run();
}

}  // namespace deckpdf::pug
