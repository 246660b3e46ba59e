// Reads a PDF back with poppler-cpp, for tests that assert what a user sees.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace deckpdf::test {

// A word as poppler finds it: its text and box (pt, origin top-left).
struct TextBox {
  std::string text;
  double x = 0, y = 0, width = 0, height = 0;
};

struct PdfPage {
  double width_pt = 0;
  double height_pt = 0;
  std::string text;   // text in reading order, as poppler extracts it
  std::string label;  // the page label (/PageLabels), "" when none
  std::vector<TextBox> words;
};

// An outline (bookmark) entry and the entries nested under it.
struct OutlineEntry {
  std::string title;
  std::vector<OutlineEntry> kids;
};

struct PdfDoc {
  bool loaded = false;
  std::vector<PdfPage> pages;
  std::vector<std::string> warnings;  // everything poppler complained about
  std::string title;
  std::string author;
  std::vector<OutlineEntry> outline;
};

PdfDoc pdf_read(const std::string& path);

// A page rendered by poppler (at 72 dpi: 1 px = 1 pt), 0xAARRGGBB pixels.
struct Raster {
  int width = 0, height = 0;
  std::vector<uint32_t> argb;
  uint32_t at(int x, int y) const { return argb[static_cast<size_t>(y * width + x)]; }
};
Raster pdf_render_page(const std::string& path, int page);

// The file as `qpdf --qdf --object-streams=disable` rewrites it: every
// object on its own (`N 0 obj`), streams uncompressed, dictionary keys
// sorted one per line, strings in qpdf's spelling; "" when qpdf fails.
// For tests that look at objects, which deckpdf packs into compressed
// object streams. Requires qpdf on PATH.
std::string pdf_qdf(const std::string& path);

// A link annotation as qpdf reads it: its page, rectangle (PDF user space,
// y up) and either a URI or the index of the page its /Dest opens.
struct PdfLink {
  int page = -1;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string uri;
  int dest_page = -1;
};
// Runs `qpdf --qdf` on the file and reads the link annotations back;
// requires qpdf on PATH.
std::vector<PdfLink> pdf_links(const std::string& path);
// Collapses runs of whitespace to single spaces, for comparing text.
std::string squash_spaces(const std::string& s);

}  // namespace deckpdf::test
