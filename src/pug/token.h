// pug/token.h — the tokens the Pug lexer hands to the parser.
//
// As in pug-lexer, one token per construct; `value` is a view into the
// Source text (not zero-terminated, not decoded) and `span` its byte range.
#pragma once

#include <cstdint>
#include <string_view>

#include "source/source.h"

namespace deckpdf::pug {

enum class TokenKind : uint8_t {
  Eos,             // end of the input
  Newline,         // the next line is at the same indentation
  Indent,          // the next line is indented deeper: a block opens
  Outdent,         // a block closes (one token per level)
  Tag,             // `h2`, `fb:user:role` at the start of a line. value: the name
  InterpTag,       // `#{expr}` as a tag name (pug's interpolation). value: expr
  Id,              // `#intro` after or instead of a tag. value: the name, no '#'
  Class,           // `.title` after or instead of a tag (bare `.fragment` = div). value: the name
  AttrsStart,      // `(` opening an attribute list `a(href="#x" target=_blank)`
  Attr,            // one attribute: `name`, `name="v"`, `name!='v'`, `name=expr` (see below)
  AttrsEnd,        // `)` closing the attribute list
  AndAttributes,   // `&attributes(expr)`: JavaScript. value: the expression
  Colon,           // `li: a` block expansion: the rest of the line is the only child
  Dot,             // `p.` or a line with a lone `.`: the indented block below is text
  Slash,           // `img/`, `foo/`: a self-closing tag
  Pipe,            // `| text`: piped text follows on this line
  Text,            // text after a tag, after `|`, or a line of a text block; raw HTML
  InterpCode,      // `#{expr}` (escaped) or `!{expr}` (unescaped) in text. value: expr
  InterpStart,     // `#[` starting a tag interpolated into text: `#[strong text]`
  InterpEnd,       // `]` closing `#[`
  TextBlockStart,  // an indented block of text (after `.`, a filter or a comment)
  TextBlockEnd,    // its end; lines inside are Text tokens separated by Newline
  Comment,         // `// text` (buffered: kept) or `//- text` (dropped). value: text after it
  Filter,          // `:markdown-it`, `:coffee`. value: the name, no ':'
  Code,            // `- code` (unbuffered), `= expr` or `!= expr` (buffered). value: the code
  Keyword,         // `if`, `each`, `mixin`, `+call`, `include`, `block`... value: the word;
                   // `rest`: the rest of the line
  Doctype,         // `doctype html`. value: the rest of the line
};

struct Token {
  TokenKind kind = TokenKind::Eos;
  std::string_view value;  // see TokenKind
  Span span;               // the whole construct
  // Attr: the value as written (quotes included); empty for a boolean
  // attribute. Keyword: the rest of the line after the word.
  std::string_view rest;
  Span rest_span;
  // Attr `=` / Code `=` / InterpCode `#{`: true; `!=` / `!{`: false.
  bool escaped = true;
  // Code: `=`/`!=` (true) or `-` (false). Comment: `//` (true) or `//-` (false).
  bool buffered = true;
  // Attr: written without `=value`.
  bool boolean = false;
  // The lexer reported an error in it (an unterminated string): the parser
  // adds no diagnostic of its own.
  bool malformed = false;
};

const char* token_kind_name(TokenKind kind);

}  // namespace deckpdf::pug
