// deck/classes — near misses of reveal.js's class names (see classes.h).
// Only names a deck author types: a class a slide's elements carry that
// is not one of reveal.js's but is one or two keystrokes from one (one for
// short names, two from eight letters on). `note` is a near miss of
// `notes` only on an aside, where it means speaker notes; elsewhere it is
// a common class of the deck's own.
#include "deck/classes.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace deckpdf::deck {

namespace {

// The classes reveal.js (4.x, reveal.css and its fragments) gives meaning
// to, and that an author writes on a slide's elements.
constexpr std::array<std::string_view, 32> known = {
    "fragment",
    "notes",
    "stretch",
    "r-stretch",
    "r-fit-text",
    "r-stack",
    "r-hstack",
    "r-vstack",
    "r-frame",
    "fade-in",
    "fade-out",
    "fade-up",
    "fade-down",
    "fade-left",
    "fade-right",
    "fade-in-then-out",
    "fade-in-then-semi-out",
    "semi-fade-out",
    "current-visible",
    "highlight-red",
    "highlight-green",
    "highlight-blue",
    "highlight-current-red",
    "highlight-current-green",
    "highlight-current-blue",
    "grow",
    "shrink",
    "strike",
    "zoom-in",
    "custom",
    "disabled",
    "visible",
};

// The reveal.js class `name` is a near miss of (the nearest, the first
// of equals), or "".
std::string_view near_miss(std::string_view name, const std::string& tag) {
  if (name.size() > 40) return {};
  if (std::find(known.begin(), known.end(), name) != known.end()) return {};
  if (name == "note" && tag == "aside") return "notes";
  std::string_view best;
  size_t best_d = 3;
  for (std::string_view k : known) {
    if (k == "notes" && tag != "aside") continue;
    size_t allowed = k.size() >= 8 ? 2 : k.size() >= 5 ? 1 : 0;
    size_t gap = name.size() > k.size() ? name.size() - k.size() : k.size() - name.size();
    if (allowed == 0 || gap > allowed) continue;
    size_t d = name_distance(name, k);
    if (d <= allowed && d < best_d) {
      best = k;
      best_d = d;
    }
  }
  return best;
}

}  // namespace

size_t name_distance(std::string_view a, std::string_view b) {
  // Three rows of the classic table: the row before last, the last, this.
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], prev2[j - 2] + 1);
      }
    }
    prev2.swap(prev);
    prev.swap(row);
  }
  return prev[b.size()];
}

void classes_check(const dom::Document& doc, const Deck& deck, Diagnostics& diags) {
  std::set<std::string> said;
  // A deck repeats its classes: each looked up once, on an aside and not.
  std::unordered_map<std::string, std::string_view> seen, seen_aside;
  for (const Slide& slide : deck.slides) {
    std::vector<dom::NodeId> stack(doc[slide.section].children.rbegin(),
                                   doc[slide.section].children.rend());
    while (!stack.empty()) {
      dom::NodeId id = stack.back();
      stack.pop_back();
      const dom::Node& n = doc[id];
      if (n.kind != dom::NodeKind::Element || n.tag == "section") continue;
      if (id == slide.notes) continue;  // the notes' own markup is theirs
      // A line-highlight step's copy of a code block: checked as its block.
      if (!slide.code_step_copies.empty() && slide.code_step_copies.count(id)) continue;
      const bool aside = n.tag == "aside";
      for (const std::string& c : n.classes) {
        auto& known_here = aside ? seen_aside : seen;
        auto at = known_here.find(c);
        if (at == known_here.end()) at = known_here.emplace(c, near_miss(c, n.tag)).first;
        std::string_view k = at->second;
        if (k.empty() || !said.insert((k == "notes" ? "aside." : "") + c).second) continue;
        if (k == "notes") {
          diags.warning(n.span, "deck.class-typo",
                        "'aside." + c +
                            "' is drawn on the slide; speaker notes are 'aside.notes' (did you "
                            "mean 'notes'?)");
        } else {
          diags.warning(n.span, "deck.class-typo",
                        "class '" + c + "' is not one reveal.js knows (did you mean '" +
                            std::string(k) + "'?); it has no effect");
        }
      }
      stack.insert(stack.end(), n.children.rbegin(), n.children.rend());
    }
  }
}

}  // namespace deckpdf::deck
