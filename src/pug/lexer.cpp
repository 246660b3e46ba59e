// pug/lexer.cpp — the Pug lexer (see lexer.h): token names, the line loop,
// indentation, statements, keywords, comments, code and filters, and lex().
// Tags and attribute lists are read in lexer_tag.cpp, text and the extent
// of JavaScript in lexer_text.cpp; the Lexer class is in lexer_impl.h.
//
// Reference: pug-lexer (pugjs/pug, packages/pug-lexer). Deviations:
//   - JavaScript is only scanned for its extent (strings, brackets), never
//     parsed; the parser reports it.
//   - Errors do not stop the lexer; it reports and carries on.
//   - A line indented past `max_nesting` levels is kept at that depth.
#include "pug/lexer.h"

#include <algorithm>
#include <string>
#include <utility>

#include "pug/lexer_impl.h"

namespace deckpdf::pug {

const char* token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::Eos: return "eos";
    case TokenKind::Newline: return "newline";
    case TokenKind::Indent: return "indent";
    case TokenKind::Outdent: return "outdent";
    case TokenKind::Tag: return "tag";
    case TokenKind::InterpTag: return "interpolation";
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
    case TokenKind::Doctype: return "doctype";
  }
  return "?";
}

namespace detail {

std::vector<Token> Lexer::run() {
  // About four tokens a line at most (indentation, tag, shorthand, text),
  // reserved at once: growing the vector would copy it again and again.
  // Reserved pages that are never written are never touched either.
  size_t lines = static_cast<size_t>(std::count(s_.begin() + pos_, s_.end(), '\n'));
  tokens_.reserve(4 * lines + 8);
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

// --- indentation ---------------------------------------------------------

// Counts the indentation of a line [b, p) and checks that it uses one kind
// of character, the same in the whole file.
size_t Lexer::indentation(uint32_t b, uint32_t p) {
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

void Lexer::indent_to(size_t level, uint32_t line_begin, uint32_t p, bool first) {
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
uint32_t Lexer::statement(uint32_t p, uint32_t end, size_t level, bool stop_bracket, int depth) {
  for (;;) {
    if (p >= end) return stop_bracket ? end : next_line(end);
    char c = s_[p];
    std::string_view rest = view(p, end);
    if (rest.substr(0, 2) == "//") return comment(p, end, level, stop_bracket);
    if (c == '<' && !stop_bracket) {
      // Literal HTML is text (with `#{}` interpolation), as in pug-lexer.
      uint32_t e = end;
      while (e > p && is_blank(s_[e - 1])) --e;
      text(p, e, /*stop_bracket*/ false, depth);
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
    if (c == '+' && mixin_name(p) != 0) {
      bool colon = false;
      p = mixin_call(p, end, level, stop_bracket, depth, colon);
      if (colon) continue;
      return p;
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
        bool colon = false;
        p = keyword(p, w, end, stop_bracket, colon);
        if (colon) continue;
        return p;
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
      // `#{expr}` as a tag name; the expression may run over lines.
      uint32_t close = js_close(p + 2, stop_bracket ? end : continued_end(end), '}');
      if (close != 0) {
        push(TokenKind::InterpTag, {p, close + 1}, view(p + 2, close));
        if (close >= end) end = eol(close);
        p = close + 1;
        if (p < end && is_word(s_[p])) {
          diags_.error({p, p + 1}, "pug.unexpected-text",
                       "unexpected text after the tag; put a space before text");
        } else {
          bool colon = false;
          p = tag(p, end, level, stop_bracket, depth, colon);
          if (colon) continue;
          return p;
        }
      } else {
        diags_.error({p, p + 2}, "pug.unclosed-interpolation",
                     "unclosed '#{' of an interpolated tag name; the line is kept as text");
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

// Words pug reads as keywords at the start of a statement.
bool Lexer::is_keyword(std::string_view word, uint32_t w, uint32_t end) const {
  static constexpr std::string_view words[] = {
      "doctype", "include", "extends", "extend", "block",   "append", "prepend", "mixin", "if",
      "else",    "unless",  "case",    "when",   "default", "each",   "for",     "while", "yield"};
  bool known = false;
  for (std::string_view k : words) known = known || k == word;
  if (!known) return false;
  if (w >= end) {
    return word == "else" || word == "default" || word == "yield" || word == "block" ||
           word == "doctype";
  }
  char next = s_[w];
  if (word == "include" || word == "extends" || word == "extend") {
    return next == ' ' || next == ':';
  }
  if (word == "if" || word == "unless" || word == "while" || word == "when" || word == "case") {
    return next == ' ' || next == '(';
  }
  if (word == "default" || word == "else" || word == "yield") {
    return next == ' ' || next == ':' || next == '\t';
  }
  return next == ' ' || next == '\t';
}

// The end of a mixin call's name at s_[p] == '+': `+name`, `+ name` or
// `+#{expr}` (a name computed by JavaScript); 0 when it is not a call.
uint32_t Lexer::mixin_name(uint32_t p) const {
  uint32_t end = eol(p);
  uint32_t b = p + 1;
  while (b < end && is_blank(s_[b])) ++b;
  if (b + 1 < end && s_[b] == '#' && s_[b + 1] == '{') {
    uint32_t close = js_close(b + 2, end, '}');
    return close == 0 ? 0 : close + 1;
  }
  uint32_t e = b;
  while (e < end && (is_word(s_[e]) || s_[e] == '-')) ++e;
  return e > b && is_word(s_[b]) ? e : 0;
}

// Where JavaScript that a bracket keeps open (a mixin call's arguments,
// `#{...}` as a tag name) may run to from a line ending at `end`: pug reads
// on to the closing bracket; deckpdf stops after `max_continued_lines`
// lines, so that an unclosed bracket costs a bounded scan.
uint32_t Lexer::continued_end(uint32_t end) const {
  uint32_t e = end;
  for (int k = 0; k < max_continued_lines && e < len(); ++k) e = eol(e + 1);
  return e;
}

// A mixin call `+name(args)`: a Keyword token whose `rest` is the
// arguments, then what a tag may have (attributes, `&attributes`, text,
// `: expansion`, a block). As in pug-lexer, a first group that reads as
// attributes (`+m(class="x")`) is attributes, not arguments.
uint32_t Lexer::mixin_call(uint32_t p, uint32_t& end, size_t level, bool stop_bracket, int depth,
                           bool& colon) {
  uint32_t word_end = mixin_name(p);
  Token& t = push(TokenKind::Keyword, {p, word_end}, view(p, word_end));
  t.rest_span = {word_end, word_end};
  uint32_t q = word_end;
  if (q < end && s_[q] == '(') {
    // The arguments may run over lines (`+m(\n  'a',\n  'b'\n)`).
    uint32_t limit = stop_bracket ? end : continued_end(end);
    uint32_t k = q + 1;
    while (k < limit && (is_blank(s_[k]) || s_[k] == '\n')) ++k;
    uint32_t n = k;
    while (n < limit && (is_word(s_[n]) || s_[n] == '-')) ++n;
    uint32_t m = n;
    while (m < limit && s_[m] == ' ') ++m;
    bool attrs = n > k && m < limit && s_[m] == '=';
    uint32_t close = attrs ? 0 : js_close(q + 1, limit, ')');
    if (close != 0) {
      tokens_.back().rest = view(q + 1, close);
      tokens_.back().rest_span = {q + 1, close};
      tokens_.back().span.end = close + 1;
      q = close + 1;
      if (q > end) end = eol(close);
    }
  }
  if (q >= end) return stop_bracket ? end : next_line(end);
  if (s_[q] != '(' && s_[q] != '&' && s_[q] != '.' && s_[q] != '#' && s_[q] != ' ' &&
      s_[q] != '\t' && s_[q] != ':' && s_[q] != '/' && s_[q] != '=' && s_[q] != '!' &&
      !(stop_bracket && s_[q] == ']')) {
    diags_.error({q, q + 1}, "pug.unexpected-text",
                 "unexpected text after the mixin call; put a space before text");
    uint32_t stop = text(q, end, stop_bracket, depth);
    return stop_bracket ? stop : next_line(end);
  }
  return tag(q, end, level, stop_bracket, depth, colon);
}

// A keyword and the rest of its line. `when x: p text` and `default: p`
// end at the colon (block expansion, as pug-lexer's scanEndOfLine): then
// `colon` is set and the returned position is the statement after it.
uint32_t Lexer::keyword(uint32_t p, uint32_t w, uint32_t end, bool stop_bracket, bool& colon) {
  colon = false;
  uint32_t word_end = w;
  uint32_t stop = end;
  if (stop_bracket) stop = js_extent(word_end, end, /*stop_bracket*/ true);
  std::string_view word = view(p, word_end);
  uint32_t expansion = 0;
  if (!stop_bracket && (word == "when" || word == "default")) {
    expansion = js_close(word_end, end, ':');
    // The colon of a block expansion is followed by a blank and a statement.
    if (expansion != 0 &&
        (expansion + 1 >= end || !is_blank(s_[expansion + 1]) || only_blanks(expansion + 1, end))) {
      expansion = 0;
    }
    if (expansion != 0) stop = expansion;
  }
  uint32_t r = word_end;
  while (r < stop && is_blank(s_[r])) ++r;
  uint32_t e = stop;
  if (expansion != 0) {
    while (e > r && is_blank(s_[e - 1])) --e;
  }
  Token& t = push(TokenKind::Keyword, {p, e}, word);
  t.rest = view(r, e);
  t.rest_span = {r, e};
  if (expansion != 0) {
    push(TokenKind::Colon, {expansion, expansion + 1});
    uint32_t q = expansion + 1;
    while (q < end && is_blank(s_[q])) ++q;
    colon = true;
    return q;
  }
  return stop_bracket ? stop : next_line(end);
}

uint32_t Lexer::comment(uint32_t p, uint32_t end, size_t level, bool stop_bracket) {
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

uint32_t Lexer::code(uint32_t p, uint32_t end, size_t level, bool stop_bracket) {
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

uint32_t Lexer::filter(uint32_t p, uint32_t end, size_t level, bool stop_bracket) {
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

}  // namespace detail

std::vector<Token> lex(const Source& source, uint32_t body_offset, Diagnostics& diags) {
  return detail::Lexer(source, body_offset, diags).run();
}

}  // namespace deckpdf::pug
