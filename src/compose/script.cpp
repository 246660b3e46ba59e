// compose/script — the speaker's script (--notes-only): per slide a
// heading ("3  Title"), the slide's fragment cues (a line per click, what
// it shows: "Click 1: First point"), and its notes, flowing down one
// column from page to page; a heading is never left alone at the foot of
// a page, and every slide has its outline entry where its heading is.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "compose/sheets.h"
#include "layout/flow.h"
#include "layout/notes.h"
#include "source/strings.h"

namespace deckpdf::compose {

namespace {

// The text a fragment shows itself: its content without the lists
// nested in it (a bullet's own words, not its sub-bullets').
std::string own_text(const dom::Document& doc, dom::NodeId id) {
  std::string out;
  std::vector<dom::NodeId> stack{id};
  while (!stack.empty()) {
    dom::NodeId c = stack.back();
    stack.pop_back();
    const dom::Node& n = doc[c];
    if (n.kind == dom::NodeKind::Text) out += n.text;
    if (n.kind != dom::NodeKind::Element && n.kind != dom::NodeKind::Document) continue;
    if (c != id && (n.tag == "ul" || n.tag == "ol")) continue;
    if (c != id && (n.tag == "p" || n.tag == "li" || n.tag == "br")) out += ' ';
    stack.insert(stack.end(), n.children.rbegin(), n.children.rend());
  }
  return std::string(trim(squash_spaces(out)));
}

// The cues of a slide with fragment steps, one line per step: "Click 1:
// First point", the start of what the step shows (fragments sharing a
// step joined by " + ").
std::vector<std::string> cues_text(const dom::Document& doc, const deck::Slide& s) {
  const size_t max_chars = 80;  // of one fragment's text
  std::map<int, std::string> steps;
  for (const deck::Fragment& f : s.fragments) {
    if (f.step == deck::never_step) continue;
    std::string text = own_text(doc, f.node);
    // A line-highlight step of a code block (highlight/line_steps.h) shows
    // the same code with other lines lit: say which.
    const dom::Node& node = doc[f.node];
    if (const std::string* lines = node.attr("data-line-numbers");
        lines && node.tag == "code" && node.has_class("hljs")) {
      text =
          lines->empty() || lines->find_first_of("0123456789") == std::string::npos
              ? "the code, no line highlighted"
              : (lines->find_first_of(",-") == std::string::npos ? "code line " : "code lines ") +
                    *lines;
    }
    if (text.size() > max_chars) {
      size_t cut = max_chars;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "\u2026";
    }
    if (text.empty()) text = "(no text)";
    std::string& step = steps[f.step];
    step += (step.empty() ? "" : " + ") + text;
  }
  // A line per click, up to a page's worth.
  const size_t max_lines = 40;
  std::vector<std::string> out;
  for (const auto& [step, text] : steps) {
    if (out.size() == max_lines) {
      out.push_back("\u2026 and " + std::to_string(steps.size() - max_lines) + " more clicks");
      break;
    }
    out.push_back("Click " + std::to_string(step) + ": " + text);
  }
  return out;
}

}  // namespace

void handout_script(Sheets& sh) {
  float top = sh.content.y, bottom = sh.content.y + sh.content.height;
  float width = sh.content.width;
  float y = bottom;  // no page yet
  Page* page = nullptr;
  auto new_page = [&] {
    page = &sh.page_new();
    y = top;
  };
  const float section_gap = 14;  // pt between slides
  const float cue_gap = 3;       // pt between the cues and the notes
  std::vector<dom::NodeId> notes_roots;
  for (size_t i : sh.selection()) {
    if (sh.deck.slides[i].notes != dom::no_node) notes_roots.push_back(sh.deck.slides[i].notes);
  }
  sh.notes.notes_box(sh.content.height);
  sh.notes.notes_prefetch(notes_roots, width);
  const dom::Document& doc = sh.notes.document();
  for (size_t i : sh.selection()) {
    const deck::Slide& s = sh.deck.slides[i];
    std::string number = s.uncounted ? "" : s.label();
    std::string title = s.title.empty() ? "Slide " + s.label() : s.title;
    std::string heading_text = number.empty() || s.title.empty() ? title : number + "  " + title;
    const layout::DisplayList& heading =
        sh.keep(sh.notes.label("slide-heading", heading_text, width));
    std::vector<const layout::DisplayList*> cue;
    float cue_h = 0;
    for (const std::string& line : cues_text(doc, s)) {
      cue.push_back(&sh.keep(sh.notes.label("slide-cues", line, width)));
      cue_h += cue.back()->height * pt_per_px;
    }
    layout::DisplayList body = s.notes != dom::no_node
                                   ? sh.notes.notes_next()
                                   : sh.notes.label("no-notes", "No notes.", width);
    // What must follow the heading on its page: the first line, and the
    // second when it is of the same paragraph (no orphan).
    float first_h = 0;
    if (!body.bands.empty()) {
      const auto& b = body.bands;
      bool two = b.size() > 1 && b[1].top - b[0].bottom < 0.5f;
      first_h = (two ? b[1].bottom : b[0].bottom) * pt_per_px;
    }
    float heading_h = heading.height * pt_per_px;
    float gap = page && y > top ? section_gap : 0;
    // The heading stays with its cues and the first lines of its notes.
    if (!page || y + gap + heading_h + cue_h + cue_gap + first_h > bottom + 0.01f) {
      new_page();
      gap = 0;
    }
    y += gap;
    if (page->slide < 0) page->slide = static_cast<int>(i);
    sh.first_appears(i, y);
    sh.place(*page, heading, sh.content.x, y, pt_per_px);
    y += heading_h;
    for (const layout::DisplayList* line : cue) {
      sh.place(*page, *line, sh.content.x, y, pt_per_px);
      y += line->height * pt_per_px;
    }
    if (!cue.empty()) y += cue_gap;
    float avail_px = (bottom - y) / pt_per_px;
    std::vector<layout::FlowPiece> pieces =
        layout::flow_split(body, avail_px, sh.content.height / pt_per_px);
    for (size_t k = 0; k < pieces.size(); ++k) {
      if (k > 0) new_page();
      const layout::DisplayList& piece = sh.keep(layout::flow_piece(body, pieces, k));
      sh.place(*page, piece, sh.content.x, y, pt_per_px);
      y += piece.height * pt_per_px;
    }
  }
}

}  // namespace deckpdf::compose
