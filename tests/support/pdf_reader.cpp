#include "support/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <poppler-toc.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>

namespace deckpdf::test {

namespace {
std::vector<std::string>* current_warnings = nullptr;

void collect_warning(const std::string& msg, void*) {
  if (current_warnings) current_warnings->push_back(msg);
}
std::string utf8_of(const poppler::ustring& u) {
  poppler::byte_array b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

OutlineEntry outline_of(const poppler::toc_item* item) {
  OutlineEntry e;
  e.title = utf8_of(item->title());
  for (const poppler::toc_item* kid : item->children()) e.kids.push_back(outline_of(kid));
  return e;
}

// The dictionary text of object `num` in a QDF file ("N 0 obj" ... "endobj").
std::string qdf_object(const std::string& qdf, int num) {
  std::string head = "\n" + std::to_string(num) + " 0 obj\n";
  size_t at = qdf.find(head);
  if (at == std::string::npos) return {};
  size_t end = qdf.find("\nendobj", at);
  return qdf.substr(at + head.size(), end - at - head.size());
}

std::vector<int> refs_in(const std::string& text) {
  std::vector<int> out;
  std::regex ref(R"((\d+) 0 R)");
  for (std::sregex_iterator it(text.begin(), text.end(), ref), end; it != end; ++it) {
    out.push_back(std::stoi((*it)[1]));
  }
  return out;
}

}  // namespace

Raster pdf_render_page(const std::string& path, int page_index) {
  Raster out;
  std::unique_ptr<poppler::document> d(poppler::document::load_from_file(path));
  if (!d || page_index < 0 || page_index >= d->pages()) return out;
  std::unique_ptr<poppler::page> p(d->create_page(page_index));
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, false);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, false);
  poppler::image img = renderer.render_page(p.get(), 72, 72);
  if (!img.is_valid()) return out;
  out.width = img.width();
  out.height = img.height();
  out.argb.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height));
  for (int y = 0; y < out.height; ++y) {
    std::memcpy(&out.argb[static_cast<size_t>(y * out.width)],
                img.const_data() + static_cast<ptrdiff_t>(y) * img.bytes_per_row(),
                static_cast<size_t>(out.width) * 4);
  }
  return out;
}

std::string pdf_qdf(const std::string& path) {
  std::string qdf_path = path + ".qdf";
  std::string cmd = "qpdf --qdf --object-streams=disable '" + path + "' '" + qdf_path + "'";
  if (std::system(cmd.c_str()) != 0) return {};
  std::ifstream in(qdf_path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<PdfLink> pdf_links(const std::string& path) {
  std::vector<PdfLink> links;
  std::string qdf = pdf_qdf(path);
  // QDF marks each page object: "%% Page N\n%% Original object ID: ..\nK 0 obj".
  // The marks come in the order qpdf writes objects, not page order.
  std::vector<int> page_objects;
  std::regex page_mark(R"(%% Page (\d+)\n%% Original object ID: \d+ \d+\n(\d+) 0 obj)");
  for (std::sregex_iterator it(qdf.begin(), qdf.end(), page_mark), end; it != end; ++it) {
    size_t n = std::stoul((*it)[1]);
    if (n == 0 || n > 1'000'000) continue;
    if (page_objects.size() < n) page_objects.resize(n, -1);
    page_objects[n - 1] = std::stoi((*it)[2]);
  }
  auto page_of = [&](int obj) {
    auto it = std::find(page_objects.begin(), page_objects.end(), obj);
    return it == page_objects.end() ? -1 : static_cast<int>(it - page_objects.begin());
  };
  std::regex annots(R"(/Annots \[([^\]]*)\])");
  std::regex rect(R"(/Rect \[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\])");
  std::regex uri(R"(/URI \((.*)\))");
  std::regex dest(R"(/Dest (\d+) 0 R)");
  std::regex dest_direct(R"(/Dest \[\s*(\d+) 0 R)");
  for (size_t p = 0; p < page_objects.size(); ++p) {
    std::string page = qdf_object(qdf, page_objects[p]);
    std::smatch m;
    if (!std::regex_search(page, m, annots)) continue;
    for (int a : refs_in(m[1].str())) {
      std::string annot = qdf_object(qdf, a);
      PdfLink link;
      link.page = static_cast<int>(p);
      std::smatch r;
      if (std::regex_search(annot, r, rect)) {
        link.x0 = std::stod(r[1]);
        link.y0 = std::stod(r[2]);
        link.x1 = std::stod(r[3]);
        link.y1 = std::stod(r[4]);
      }
      if (std::regex_search(annot, r, uri)) link.uri = r[1];
      if (std::regex_search(annot, r, dest_direct)) {
        link.dest_page = page_of(std::stoi(r[1]));
      } else if (std::regex_search(annot, r, dest)) {
        std::vector<int> target = refs_in(qdf_object(qdf, std::stoi(r[1])));
        if (!target.empty()) link.dest_page = page_of(target[0]);
      }
      links.push_back(link);
    }
  }
  return links;
}

PdfDoc pdf_read(const std::string& path) {
  PdfDoc doc;
  current_warnings = &doc.warnings;
  poppler::set_debug_error_function(collect_warning, nullptr);
  std::unique_ptr<poppler::document> d(poppler::document::load_from_file(path));
  if (d) {
    doc.loaded = true;
    doc.title = d->get_title().to_latin1();
    doc.author = d->get_author().to_latin1();
    if (std::unique_ptr<poppler::toc> toc(d->create_toc()); toc) {
      for (poppler::toc_item* item : toc->root()->children())
        doc.outline.push_back(outline_of(item));
    }
    for (int i = 0; i < d->pages(); ++i) {
      std::unique_ptr<poppler::page> p(d->create_page(i));
      PdfPage page;
      poppler::rectf box = p->page_rect(poppler::media_box);
      page.width_pt = box.width();
      page.height_pt = box.height();
      poppler::byte_array utf8 = p->text().to_utf8();
      page.text.assign(utf8.begin(), utf8.end());
      page.label = utf8_of(p->label());
      for (const poppler::text_box& word : p->text_list()) {
        poppler::rectf r = word.bbox();
        page.words.push_back({utf8_of(word.text()), r.x(), r.y(), r.width(), r.height()});
      }
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
