// compose/pdfpc — the pdfpc presenter file (see pdfpc.h); each slide's
// notes are written as Markdown once, however many pages show the slide.
#include "compose/pdfpc.h"

#include <map>

#include "dom/markdown_writer.h"
#include "source/strings.h"

namespace deckpdf::compose {

std::string pdfpc_json(const deck::Deck& deck, const dom::Document& doc,
                       const std::vector<Page>& pages, int note_font_size) {
  std::string o = "{\"pdfpcFormat\":2,\"disableMarkdown\":false,\"noteFontSize\":" +
                  std::to_string(note_font_size) + ",\"pages\":[";
  std::map<int, std::string> notes;
  int overlay = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& p = pages[i];
    overlay = i > 0 && pages[i - 1].slide == p.slide ? overlay + 1 : 0;
    std::string label = p.label;
    std::string note;
    if (p.slide >= 0 && static_cast<size_t>(p.slide) < deck.slides.size()) {
      const deck::Slide& s = deck.slides[static_cast<size_t>(p.slide)];
      label = s.label();
      auto it = notes.find(p.slide);
      if (it == notes.end()) it = notes.emplace(p.slide, dom::to_markdown(doc, s.notes)).first;
      note = it->second;
    }
    o += i ? ",\n" : "\n";
    o += "{\"idx\":" + std::to_string(i) + ",\"label\":\"" + json_escape(label) +
         "\",\"overlay\":" + std::to_string(overlay) +
         ",\"forcedOverlay\":false,\"hidden\":false,\"note\":\"" + json_escape(note) + "\"}";
  }
  o += "\n]}\n";
  return o;
}

}  // namespace deckpdf::compose
