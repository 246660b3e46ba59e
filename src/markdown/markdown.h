// markdown — renders Markdown (the `:markdown-it` filter of a Pug deck) into
// the dom tree with md4c.
//
// The text handed to md4c is assembled by the caller from lines of the deck
// (the filter's indented block, indentation removed). A MarkdownText keeps,
// for each piece of that text, the source offset it came from, so that every
// node made here carries a Span into the original file.
//
// The output matches what markdown-it (the reference filter) makes with its
// defaults: CommonMark plus tables and strikethrough (`<s>`), raw HTML off
// (it stays text), URLs percent-encoded. md4c is wrapped here and nowhere else.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf::markdown {

// The Markdown source and where each part of it sits in the deck file.
struct MarkdownText {
  std::string text;
  // Sorted by `at`: text[at ...] comes from source offset `source`
  // (byte for byte until the next piece).
  struct Piece {
    uint32_t at;
    uint32_t source;
  };
  std::vector<Piece> pieces;

  // Appends `line` (a view of the source text starting at `source_offset`).
  void append(std::string_view line, uint32_t source_offset);
  // Appends text that is not in the source (a '\n' between lines).
  void append_synthetic(std::string_view s);
  // The source offset of text[at].
  uint32_t source_offset(uint32_t at) const;
};

// markdown-it options that a `:markdown-it(...)` filter may give.
struct Options {
  bool linkify = false;  // bare URLs become links (md4c permissive autolinks)
  bool html = false;     // raw HTML is read as HTML (otherwise kept as text)
  bool breaks = false;   // soft line breaks become <br>
  // A fenced block's `code` element and its whole info string; when set,
  // it decides the element's classes and attributes instead of
  // `language-<first word>` (reveal.js's plugin has its own code renderer).
  std::function<void(dom::Node& code, const std::string& info)> code_info;
};

// Renders `md` into children of `parent`. `fallback` is the span given to
// nodes md4c reports no position for (the filter). Returns false (with an
// error in `diags`) when md4c fails.
bool render(const MarkdownText& md, const Options& options, dom::Document& doc, dom::NodeId parent,
            Span fallback, Diagnostics& diags);

// Percent-encodes a URL the way markdown-it's normalizeLink does (mdurl):
// characters outside the URL-safe set become %XX, existing %XX are kept.
std::string url_normalize(std::string_view url);

}  // namespace deckpdf::markdown
