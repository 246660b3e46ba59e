// style/contrast — has-dark-background and has-light-background (see
// contrast.h).
#include "style/contrast.h"

#include <algorithm>
#include <vector>

#include "source/strings.h"
#include "style/value.h"

namespace deckpdf::style {

namespace {

// reveal.js treats a data-background that looks like a picture's address as
// data-background-image.
bool looks_like_picture(std::string_view v) {
  std::string lower = ascii_lower(trim(v));
  if (lower.starts_with("http") || lower.starts_with("file") || lower.starts_with("//")) {
    return true;
  }
  for (const char* ext : {".svg", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"}) {
    size_t at = lower.find(ext);
    while (at != std::string::npos) {
      size_t after = at + std::string_view(ext).size();
      if (after == lower.size() || lower[after] == '?' || lower[after] == '#' ||
          lower[after] == ' ' || lower[after] == '\t' || lower[after] == '\n') {
        return true;
      }
      at = lower.find(ext, at + 1);
    }
  }
  return false;
}

}  // namespace

std::optional<Color> contrast_color(const dom::Node& section) {
  std::optional<Color> c;
  if (const std::string* v = section.attr("data-background-color")) c = parse_color(*v);
  if (!c) {
    // The background element's computed colour: data-background-color
    // again (a colour the browser reads), else data-background set as the
    // `background` shorthand, whose colour part counts.
    if (const std::string* v = section.attr("data-background"); v && !looks_like_picture(*v)) {
      for (const std::string& part : split_values(*v)) {
        if ((c = parse_color(part))) break;
      }
    }
  }
  if (!c || c->a == 0) return std::nullopt;
  return c;
}

void contrast_classes(dom::Document& doc, const deck::Deck& deck) {
  std::vector<dom::NodeId> sections;
  for (const deck::Slide& slide : deck.slides) {
    sections.push_back(slide.section);
    if (slide.v > 0) sections.push_back(doc[slide.section].parent);  // the stack
  }
  std::sort(sections.begin(), sections.end());
  sections.erase(std::unique(sections.begin(), sections.end()), sections.end());
  for (dom::NodeId id : sections) {
    if (id == dom::no_node || id >= doc.nodes.size()) continue;
    std::optional<Color> c = contrast_color(doc[id]);
    if (!c) continue;
    doc.nodes[id].classes.push_back(color_brightness(*c) < 128 ? "has-dark-background"
                                                               : "has-light-background");
  }
}

}  // namespace deckpdf::style
