#include "support/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>

namespace deckpdf::test {

namespace {
std::vector<std::string>* current_warnings = nullptr;

void collect_warning(const std::string& msg, void*) {
  if (current_warnings) current_warnings->push_back(msg);
}
}  // namespace

PdfDoc pdf_read(const std::string& path) {
  PdfDoc doc;
  current_warnings = &doc.warnings;
  poppler::set_debug_error_function(collect_warning, nullptr);
  std::unique_ptr<poppler::document> d(poppler::document::load_from_file(path));
  if (d) {
    doc.loaded = true;
    doc.title = d->get_title().to_latin1();
    doc.author = d->get_author().to_latin1();
    for (int i = 0; i < d->pages(); ++i) {
      std::unique_ptr<poppler::page> p(d->create_page(i));
      PdfPage page;
      poppler::rectf box = p->page_rect(poppler::media_box);
      page.width_pt = box.width();
      page.height_pt = box.height();
      poppler::byte_array utf8 = p->text().to_utf8();
      page.text.assign(utf8.begin(), utf8.end());
      doc.pages.push_back(std::move(page));
    }
  }
  current_warnings = nullptr;
  return doc;
}

std::string squash_spaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace deckpdf::test
