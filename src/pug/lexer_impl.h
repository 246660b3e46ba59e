// pug/lexer_impl — the Lexer class behind lex() (internal to the lexer:
// only lexer*.cpp include it; everyone else uses lexer.h).
//
// Its members are defined by concern: the line loop, indentation,
// statements, keywords, comments, code and filters in lexer.cpp; tags and
// attribute lists in lexer_tag.cpp; text, interpolation, text blocks and
// the extent of JavaScript in lexer_text.cpp.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "pug/lexer.h"
#include "pug/token.h"
#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf::pug::detail {

// Nested `#[...]` deeper than this is an error.
inline constexpr int max_interpolation_depth = 32;
// Lines a bracket opened in a mixin call's arguments or a `#{}` tag name
// may stay open (see continued_end).
inline constexpr int max_continued_lines = 64;

inline bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
inline bool is_blank(char c) {
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

  // Lexes the whole body: one statement per non-blank line, then the
  // outdents still open and Eos.
  std::vector<Token> run();

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

  // --- lexer.cpp: indentation, statements, keywords, comments, code, filters
  size_t indentation(uint32_t b, uint32_t p);
  void indent_to(size_t level, uint32_t line_begin, uint32_t p, bool first);
  uint32_t statement(uint32_t p, uint32_t end, size_t level, bool stop_bracket = false,
                     int depth = 0);
  bool is_keyword(std::string_view word, uint32_t w, uint32_t end) const;
  uint32_t keyword(uint32_t p, uint32_t w, uint32_t end, bool stop_bracket, bool& colon);
  uint32_t mixin_name(uint32_t p) const;
  uint32_t continued_end(uint32_t end) const;
  uint32_t mixin_call(uint32_t p, uint32_t& end, size_t level, bool stop_bracket, int depth,
                      bool& colon);
  uint32_t comment(uint32_t p, uint32_t end, size_t level, bool stop_bracket);
  uint32_t code(uint32_t p, uint32_t end, size_t level, bool stop_bracket);
  uint32_t filter(uint32_t p, uint32_t end, size_t level, bool stop_bracket);

  // --- lexer_tag.cpp: tags, attribute lists, strings, attribute values
  uint32_t tag(uint32_t p, uint32_t& end, size_t level, bool stop_bracket, int depth, bool& colon);
  uint32_t attributes(uint32_t p, uint32_t end, size_t level, bool stop_bracket);
  uint32_t string_end(uint32_t i, uint32_t limit) const;
  uint32_t attribute_value_end(uint32_t i, uint32_t limit, bool& string_error);
  void bad_key_character(uint32_t at, uint32_t bad);
  uint32_t skip_attribute(uint32_t i, uint32_t limit) const;

  // --- lexer_text.cpp: JavaScript extents, text, interpolation, text blocks
  uint32_t js_extent(uint32_t i, uint32_t end, bool stop_bracket, bool one_group = false) const;
  uint32_t text(uint32_t p, uint32_t end, bool stop_bracket, int depth);
  uint32_t js_close(uint32_t i, uint32_t end, char close) const;
  uint32_t text_block(uint32_t p, size_t level, bool interpolate);

  std::string_view s_;
  Diagnostics& diags_;
  uint32_t pos_;
  std::vector<Token> tokens_;
  std::vector<Level> stack_{{0, false}};
  char indent_char_ = 0;
  bool too_deep_reported_ = false;
  uint32_t no_interpolation_before_ = 0;  // see text()
};

}  // namespace deckpdf::pug::detail
