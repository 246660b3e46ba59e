// deck/structure — reveal.js structure checks (see structure.h).
#include "deck/structure.h"

#include <set>
#include <string>

#include "source/strings.h"

namespace deckpdf::deck {

namespace {

bool is_section(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element && n.tag == "section";
}

bool is_notes(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element && n.tag == "aside" && n.has_class("notes");
}

// What the PDF shows for an element a browser would play or run.
const char* not_printed(const std::string& tag) {
  if (tag == "script") return "a script does not run in a PDF; it shows nothing";
  if (tag == "iframe") return "an embedded page is not drawn; the PDF shows nothing in its place";
  if (tag == "video") {
    return "a video is not played or drawn; the PDF shows nothing in its place (an img of a "
           "still would show)";
  }
  if (tag == "audio") return "a sound is not played; the PDF shows nothing for it";
  return nullptr;
}

// A vertical stack's own content beside its slides: reveal.js lays it out
// with the slides, the PDF has no page for it.
void stack_content(const dom::Document& doc, dom::NodeId stack, Diagnostics& diags) {
  for (dom::NodeId c : doc[stack].children) {
    const dom::Node& n = doc[c];
    bool blank_text = n.kind == dom::NodeKind::Text && trim(n.text).empty();
    if (is_section(n) || is_notes(n) || blank_text || n.kind == dom::NodeKind::Comment) continue;
    diags.warning(n.span, "deck.stack-content",
                  "content beside the slides of a vertical stack belongs to no slide; the PDF "
                  "leaves it out (put it in one of the stack's sections)");
  }
}

}  // namespace

void structure_check(const dom::Document& doc, const Deck& deck, Diagnostics& diags) {
  std::set<dom::NodeId> stacks;
  for (const Slide& slide : deck.slides) {
    if (slide.v > 0) {
      dom::NodeId stack = doc[slide.section].parent;
      if (stack != dom::no_node && stacks.insert(stack).second) stack_content(doc, stack, diags);
    }
    // The slide's elements (notes aside), nested sections included.
    std::vector<dom::NodeId> todo(doc[slide.section].children.rbegin(),
                                  doc[slide.section].children.rend());
    while (!todo.empty()) {
      dom::NodeId id = todo.back();
      todo.pop_back();
      const dom::Node& n = doc[id];
      if (n.kind != dom::NodeKind::Element || is_notes(n)) continue;
      // A line-highlight step's copy of a code block: checked as its block.
      if (!slide.code_step_copies.empty() && slide.code_step_copies.count(id)) continue;
      if (is_section(n)) {
        diags.warning(n.span, "deck.section-too-deep",
                      slide.v > 0 ? "a section inside a vertical stack's slide: reveal.js shows "
                                    "two levels only; the PDF draws it inside slide " +
                                        slide.label() + " as a block"
                                  : "a section nested in a slide: the PDF draws it inside slide " +
                                        slide.label() + " as a block");
        continue;  // its own content is that block's
      }
      if (const char* why = not_printed(n.tag)) {
        diags.warning(n.span, "deck.not-printed", std::string("<") + n.tag + ">: " + why);
        continue;
      }
      todo.insert(todo.end(), n.children.rbegin(), n.children.rend());
    }
  }
}

}  // namespace deckpdf::deck
