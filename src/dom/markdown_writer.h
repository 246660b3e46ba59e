// dom/markdown_writer — an element tree written back as Markdown, for the
// pdfpc presenter console, which renders a slide's notes from Markdown.
#pragma once

#include <string>

#include "dom/node.h"

namespace deckpdf::dom {

// The children of `root` as Markdown: paragraphs, lists, headings,
// emphasis, code (fenced blocks), links, blockquotes, tables and rules;
// other elements give their text. No trailing blank lines; "" for no_node.
std::string to_markdown(const Document& doc, NodeId root);

}  // namespace deckpdf::dom
