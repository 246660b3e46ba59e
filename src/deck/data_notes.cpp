// deck/data_notes — `section(data-notes="...")`, reveal.js's notes in an
// attribute (getSlideNotes reads it before any aside.notes), made an
// aside.notes element so that every later stage reads one kind of notes.
#include <algorithm>

#include "deck/deck.h"

namespace deckpdf::deck {

void data_notes_apply(dom::Document& doc) {
  size_t count = doc.nodes.size();  // the nodes added here are not visited
  for (dom::NodeId id = 0; id < count; ++id) {
    const dom::Node& n = doc[id];
    if (n.kind != dom::NodeKind::Element || n.tag != "section" || !doc.attached(id)) continue;
    const std::string* text = n.attr("data-notes");
    if (!text || text->empty()) continue;
    std::string value = *text;
    Span span = n.span;
    for (const dom::Attr& a : n.attrs) {
      if (a.name == "data-notes") span = a.span;
    }
    dom::Node aside;
    aside.tag = "aside";
    aside.classes = {"notes"};
    aside.span = span;
    dom::NodeId a = doc.add(std::move(aside), id);
    dom::Node p;
    p.tag = "p";
    p.span = span;
    dom::NodeId pid = doc.add(std::move(p), a);
    dom::Node t;
    t.kind = dom::NodeKind::Text;
    t.text = std::move(value);
    t.span = span;
    doc.add(std::move(t), pid);
    // First among the section's children: the slide's notes.
    std::vector<dom::NodeId>& kids = doc[id].children;
    std::rotate(kids.begin(), kids.end() - 1, kids.end());
  }
}

}  // namespace deckpdf::deck
