// cli/pipeline — the stages of one export, each a call that export.cpp's
// driver makes in turn, and the state they hand on: the document, the
// deck, the theme, the fonts, the slides' display lists. A stage that
// fails records why in the Export (exit code, message) and returns false.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/job.h"
#include "compose/handout.h"
#include "compose/page.h"
#include "deck/deck.h"
#include "deck/reveal_config.h"
#include "dom/node.h"
#include "layout/display_list.h"
#include "style/style.h"
#include "text/font_set.h"
#include "text/shaper.h"

namespace deckpdf::layout {
class NotesLayout;
}

namespace deckpdf::cli {

class Pipeline {
 public:
  Pipeline(const Source& source, const Job& job, Export& r);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // source: encoding checks, front matter.
  bool read_check();
  // pug: the element tree, Markdown filters rendered into it, the deck's
  // JavaScript run (false: the --locals file cannot be read).
  bool parse();
  // deck: slides, notes, fragment steps; then the limits that keep a
  // hostile deck from taking minutes (slides, notes, steps, pages).
  void deck_build();
  bool deck_limits();
  // style: the deck's theme (and its page size).
  bool theme_load();
  // text: the bundled fonts.
  bool fonts_load();
  // layout: one display list per selected slide (and its number).
  bool lay_out();
  // Instead of a PDF: the tree as HTML, the deck as JSON, the display lists.
  void dump_html();
  void dump_json();
  void dump_layout();
  // compose: the pages of one product; `made` holds them and the lists
  // they show besides the slides'.
  bool compose(Product product, compose::Handout& made);
  // The pdfpc file for pages composed from this deck.
  std::string pdfpc(const std::vector<compose::Page>& pages) const;
  // pdf: the bytes of `pages` into `out`.
  bool render(const std::vector<compose::Page>& pages, Output& out);

 private:
  bool fail(int code, std::string error, bool show_diags);
  bool theme_unknown_check(const std::string& name);
  bool handout_compose(bool notes_only, compose::Handout& made);
  bool code_theme_add();
  void html_page_read();
  // What a deck's Reveal.initialize({...}) says of the print, as the front
  // matter would say it (the front matter wins).
  void reveal_config_apply(const deck::RevealConfig& config);
  // A Pug deck that writes reveal.js's whole page: its scripts' options.
  void pug_page_config_read();

  const Source& source_;
  const Job& job_;
  Export& r_;
  Diagnostics& diags_;
  uint32_t body_ = 0;  // where the deck's body starts (after front matter)
  FrontMatter front_;
  dom::Document doc_;
  deck::Deck deck_;
  std::string deck_dir_;
  float slide_width_ = 0, slide_height_ = 0;  // an HTML deck's Reveal.initialize; 0 = the theme's
  std::optional<style::Theme> theme_;
  size_t code_blocks_ = 0;  // code blocks highlighted (highlight/code_blocks.h)
  size_t formulas_ = 0;     // TeX formulas found (math/find.h)
  compose::PageSize page_size_;
  text::FontSet fonts_;
  std::unique_ptr<text::Shaper> shaper_;
  compose::Options options_;  // the slides selected, the slide numbers
  std::vector<layout::DisplayList> lists_, numbers_;
  // Handouts and notes: the notes theme and layout, made once for both;
  // bare URLs in notes made links once.
  std::optional<style::Theme> notes_theme_;
  std::unique_ptr<layout::NotesLayout> notes_;
};

}  // namespace deckpdf::cli
