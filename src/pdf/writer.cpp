// pdf/writer — the document: libharu's doc and its errors, the order in
// which pages, navigation, fonts and metadata are written, the page tree's
// shared entries.
#include "pdf/writer.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>

#include "pdf/content.h"
#include "pdf/deflate.h"
#include "pdf/fonts.h"
#include "pdf/metadata.h"
#include "pdf/navigation.h"
#include "pdf/page_content.h"
#include "pdf/resources.h"
#include "pdf/serialize.h"
#include "pdf/structure.h"

namespace deckpdf::pdf {

namespace {

class Writer {
 public:
  Writer(const text::FontSet& fonts, const RenderOptions& options)
      : options_(options),
        doc_(HPDF_New(&Writer::on_error, this)),
        embedder_(doc_, fonts),
        content_(doc_, fonts, embedder_, options.pdfa),
        resources_(doc_, embedder_),
        pages_content_(doc_, content_, resources_, queue_) {
    if (doc_) {
      HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
      // Pages in a tree of nodes of 1,000: one /Kids array holds at most
      // 32,767 entries in libharu, and big decks in builds mode pass that.
      HPDF_SetPagesConfiguration(doc_, 1000);
    }
  }
  ~Writer() {
    if (doc_) HPDF_Free(doc_);
  }

  bool ok() const { return doc_ && error_.empty(); }
  void tag() {
    structure_.emplace(doc_);
    pages_content_.tag(&*structure_);
  }
  void picture_sizes(const std::vector<compose::Page>& pages, int dpi) {
    content_.picture_sizes(pages, dpi);
  }
  const std::string& error() const { return error_; }

  bool render(const std::vector<compose::Page>& pages, const DocInfo& info, std::string& bytes) {
    if (!doc_) {
      error_ = "libharu could not create a document";
      return false;
    }
    for (const compose::Page& p : pages) {
      HPDF_Page page = HPDF_AddPage(doc_);
      pages_.push_back(page);
      if (!page) continue;
      if (HPDF_Dict r = pages_content_.write(page, p, pages_.size() - 1)) {
        page_resources_.push_back(r);
      }
    }
    queue_.flush();
    if (ok()) page_tree(pages);
    std::vector<std::vector<HPDF_Annotation>> annots;
    if (ok()) navigation_write(doc_, pages, pages_, options_.pdfa, structure_ ? &annots : nullptr);
    if (ok() && structure_) structure_->finish(pages, pages_, annots);
    if (ok() && !embedder_.finish(error_)) return false;
    metadata_write(doc_, info, options_);
    if (!ok()) return false;
    if (!serialize(doc_, bytes, error_)) return false;
    return ok();
  }

 private:
  static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
    auto* self = static_cast<Writer*>(user);
    char buf[96];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)",
                  static_cast<unsigned>(error_no), static_cast<unsigned>(detail_no));
    if (self->error_.empty()) self->error_ = buf;
  }

  // Entries every page shares (its size, its resources when all pages use
  // the same) are written once, in the root of the page tree, from which
  // pages inherit them (PDF 32000 7.7.3.4); others stay on each page.
  void page_tree(const std::vector<compose::Page>& pages) {
    bool one_size = std::all_of(pages.begin(), pages.end(), [&](const compose::Page& p) {
      return p.width == pages.front().width && p.height == pages.front().height;
    });
    bool one_resources = std::all_of(page_resources_.begin(), page_resources_.end(),
                                     [&](HPDF_Dict r) { return r == page_resources_.front(); });
    HPDF_Pages root = doc_->root_pages;
    if (pages.empty() || pages_.size() != pages.size() || page_resources_.size() != pages.size() ||
        !root) {
      return;
    }
    for (size_t i = 0; i < pages_.size(); ++i) {
      HPDF_Page page = pages_[i];
      if (one_size) HPDF_Dict_RemoveElement(page, "MediaBox");
      if (one_resources)
        HPDF_Dict_RemoveElement(page, "Resources");
      else
        HPDF_Dict_Add(page, "Resources", page_resources_[i]);
    }
    if (one_size) {
      HPDF_Array box = HPDF_Array_New(doc_->mmgr);
      HPDF_Array_AddNumber(box, 0);
      HPDF_Array_AddNumber(box, 0);
      HPDF_Array_AddReal(box, pages.front().width);
      HPDF_Array_AddReal(box, pages.front().height);
      HPDF_Dict_Add(root, "MediaBox", box);
    }
    if (one_resources) HPDF_Dict_Add(root, "Resources", page_resources_.front());
  }

  const RenderOptions& options_;
  std::string error_;  // the first libharu error; before doc_, which reports into it
  HPDF_Doc doc_ = nullptr;
  FontEmbedder embedder_;
  StreamQueue queue_;
  ContentWriter content_;
  Resources resources_;
  PageContent pages_content_;
  std::vector<HPDF_Page> pages_;
  std::vector<HPDF_Dict> page_resources_;     // per page
  std::optional<StructureWriter> structure_;  // --tagged
};

}  // namespace

bool pdf_render(const std::vector<compose::Page>& pages, const text::FontSet& fonts,
                const DocInfo& info, std::string& bytes, std::string& error,
                const RenderOptions& options) {
  Writer w(fonts, options);
  if (options.tagged) w.tag();
  if (options.image_dpi > 0) w.picture_sizes(pages, options.image_dpi);
  if (!w.render(pages, info, bytes)) {
    error = w.error().empty() ? "the PDF could not be written" : w.error();
    return false;
  }
  return true;
}

}  // namespace deckpdf::pdf
