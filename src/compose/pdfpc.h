// compose/pdfpc — the pdfpc presenter-console file (format 2) that goes
// beside a PDF: per page its slide's label, its overlay and its notes.
#pragma once

#include <string>
#include <vector>

#include "compose/page.h"
#include "dom/node.h"

namespace deckpdf::compose {

// The pdfpc file for `pages`: one entry per page with its slide's label,
// its overlay (the fragment step, for --builds) and its slide's notes as
// Markdown (dom::to_markdown), which pdfpc renders.
std::string pdfpc_json(const deck::Deck& deck, const dom::Document& doc,
                       const std::vector<Page>& pages, int note_font_size = 20);

}  // namespace deckpdf::compose
