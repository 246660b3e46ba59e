// pdf/navigation — what a reader navigates by (internal to pdf/): the
// outline (one bookmark per slide, a stack's later slides under its
// first), page labels (every page of slide 3 is "3", of 3.2 "3.2") and
// link annotations, written once every page exists.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "compose/page.h"

namespace deckpdf::pdf {

// Writes the navigation of `pages`, whose PDF pages are `pdf_pages`;
// `pdfa`: link annotations carry the Print flag PDF/A asks for. With
// `annots`, the link annotation made for each compose::Link of each page
// (nullptr where none was), for the structure tree.
void navigation_write(HPDF_Doc doc, const std::vector<compose::Page>& pages,
                      const std::vector<HPDF_Page>& pdf_pages, bool pdfa,
                      std::vector<std::vector<HPDF_Annotation>>* annots = nullptr);

// A text string object (bookmark titles, the document info): printable
// ASCII as a literal (PDFDocEncoding reads it as itself), anything else as
// UTF-16BE with a byte order mark, which every reader decodes (libharu's
// own encoders cannot give arbitrary Unicode).
void* text_string(HPDF_Doc doc, const std::string& utf8);

}  // namespace deckpdf::pdf
