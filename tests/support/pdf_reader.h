// Reads a PDF back with poppler-cpp, for tests that assert what a user sees.
#pragma once

#include <string>
#include <vector>

namespace deckpdf::test {

struct PdfPage {
  double width_pt = 0;
  double height_pt = 0;
  std::string text;  // text in reading order, as poppler extracts it
};

struct PdfDoc {
  bool loaded = false;
  std::vector<PdfPage> pages;
  std::vector<std::string> warnings;  // everything poppler complained about
  std::string title;
  std::string author;
};

PdfDoc pdf_read(const std::string& path);
// Collapses runs of whitespace to single spaces, for comparing text.
std::string squash_spaces(const std::string& s);

}  // namespace deckpdf::test
