// deck — reveal.js semantics over the dom tree: slides and vertical stacks,
// speaker notes, fragment steps, titles. No geometry yet.
#pragma once

#include <climits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf::deck {

// How a fragment changes at its step k (reveal.js's fragment classes, as
// css/reveal.scss styles `.fragment`, `.visible` (steps >= k) and
// `.current-fragment` (step k only)):
enum class FragmentStyle {
  Appear,             // .fragment, fade-in, fade-up/down/left/right, zoom-in, ...: from k on
  FadeOut,            // .fade-out: shown before k, hidden from k on
  FadeInThenOut,      // .fade-in-then-out, .current-visible: on step k only
  SemiFadeOut,        // .semi-fade-out: shown, dimmed to opacity 0.5 from k on
  FadeInThenSemiOut,  // .fade-in-then-semi-out: from k on, dimmed after k
  Highlight,          // .highlight-red/green/blue: shown, coloured from k on
  HighlightCurrent,   // .highlight-current-red/green/blue: shown, coloured on k only
  Strike,             // .strike: shown, struck through from k on
  Grow,               // .grow: shown, scaled 1.3 from k on
  Shrink,             // .shrink: shown, scaled 0.7 from k on
};

// The step of a fragment that reveal.js never steps to: its
// data-fragment-index is not a number (reveal.js's sortFragments() drops it,
// so it keeps its state before any step forever).
inline constexpr int never_step = INT_MAX;

struct Fragment {
  dom::NodeId node = dom::no_node;  // the element with class "fragment"
  int step = 1;                     // 1-based step at which it acts, or never_step
  FragmentStyle style = FragmentStyle::Appear;
  std::string highlight;  // "red", "green", "blue" for highlight styles
};

struct Slide {
  dom::NodeId section = dom::no_node;  // the <section> element
  int h = 1;                           // 1-based horizontal index
  int v = 0;                           // 1-based index in a vertical stack, 0 if not in one
  std::string title;                   // text of the first heading, may be empty
  dom::NodeId notes = dom::no_node;    // aside.notes, if any
  std::vector<Fragment> fragments;     // in reveal.js order (by step)
  int step_count = 0;                  // number of fragment steps; pages in --builds = 1 + this
  // data-visibility="uncounted": shown, but reveal.js gives it no number.
  bool uncounted = false;
  Span span;

  // The step at which node `id` itself is a fragment (0 when it is not one).
  int step_of(dom::NodeId id) const;
  // The fragment that node `id` is, or nullptr.
  const Fragment* fragment_of(dom::NodeId id) const;
  // reveal.js's label: "3" or "3.2".
  std::string label() const;

  std::unordered_map<dom::NodeId, size_t> fragment_index;  // node -> index in fragments
  // The highlight plugin's line-highlight steps (highlight/line_steps.h): a
  // code block followed in its `pre` by copies of itself, each a fragment
  // stacked over the one before with other lines highlighted. Layout draws
  // the block alone, each line as bright or dim as the copy on top at that
  // step shows it: the same picture, the code's text on the page once, and
  // no copy laid out. Block -> its copies in order, with their steps.
  struct CodeStep {
    int step = 0;
    dom::NodeId copy = dom::no_node;
  };
  std::unordered_map<dom::NodeId, std::vector<CodeStep>> code_steps;
  // Each copy (never laid out) -> its block, whose text it shows.
  std::unordered_map<dom::NodeId, dom::NodeId> code_step_copies;
};

struct Meta {
  std::string title, author, subject, keywords, date, theme, size;
  std::string lang;          // BCP 47 (front matter `lang:`, checked there): the PDF's /Lang
  std::string event;         // where the talk is given (front matter `event:`), for handout headers
  std::string slide_number;  // reveal.js's `slideNumber` option: "", "true", "h.v", "false"
  // reveal.js's `center`: slides centred vertically on the page (a slide
  // with class `center` is, whatever this says).
  bool center = true;
  // `date` (as written, in `date` above) read as seconds since 1970, UTC:
  // the PDF's creation date. Nothing when absent or not a date.
  std::optional<int64_t> date_seconds;
};

// Where an in-deck link goes: a slide and, when the hash names one, the
// fragment step shown there (-1: the slide's first page).
struct LinkTarget {
  size_t slide = 0;
  int step = -1;
};

struct Deck {
  Meta meta;
  std::vector<Slide> slides;
  // Element id -> index of the slide that holds it (a stack's own id and
  // anything outside its inner sections -> its first slide).
  std::unordered_map<std::string, size_t> ids;

  // Resolves an in-deck href as reveal.js reads its URL hash
  // (Location.getIndicesFromHash, hashOneBasedIndex off): "#id" and "#/id"
  // name an element; "#/h", "#/h/v" and "#/h/v/f" are 0-based indices,
  // clamped like Reveal.slide(). Returns nothing for other hrefs and ids
  // that no slide holds.
  std::optional<LinkTarget> link_resolve(std::string_view href) const;
};

// reveal.js's `data-notes="..."` on a section: the slide's notes, over
// an aside.notes it may also hold. Each becomes an `aside.notes > p` with
// the attribute's text, first among the section's children, before
// deck_build reads the tree.
void data_notes_apply(dom::Document& doc);

// Builds the deck from the parsed tree and the front matter. `doc` must
// outlive the Deck (slides refer to its nodes).
Deck deck_build(const dom::Document& doc, const FrontMatter& front, Diagnostics& diags);

}  // namespace deckpdf::deck
