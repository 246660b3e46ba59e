// deck — reveal.js semantics over the dom tree: slides and vertical stacks,
// speaker notes, fragment steps, titles. No geometry yet.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "dom/node.h"
#include "source/diagnostic.h"
#include "source/source.h"

namespace deckpdf::deck {

// How a fragment changes at its step (reveal.js fragment classes).
enum class FragmentStyle {
  Appear,             // .fragment, fade-in, fade-up/down/left/right, zoom-in, ...
  FadeOut,            // .fade-out: shown until its step, gone after
  FadeInThenOut,      // .fade-in-then-out, .current-visible: only on its step
  SemiFadeOut,        // .semi-fade-out: dimmed from its step on
  FadeInThenSemiOut,  // .fade-in-then-semi-out: shown, then dimmed after its step
  Highlight,          // .highlight-red/green/blue: coloured from its step on
  HighlightCurrent,   // .highlight-current-*: coloured on its step only
  Strike,             // .strike: struck through from its step on
  Grow,               // .grow
  Shrink,             // .shrink
};

struct Fragment {
  dom::NodeId node = dom::no_node;  // the element with class "fragment"
  int step = 1;                     // 1-based step at which it acts
  FragmentStyle style = FragmentStyle::Appear;
  std::string highlight;            // "red", "green", "blue" for highlight styles
};

struct Slide {
  dom::NodeId section = dom::no_node;  // the <section> element
  int h = 1;                           // 1-based horizontal index
  int v = 0;                           // 1-based index in a vertical stack, 0 if not in one
  std::string title;                   // text of the first heading, may be empty
  dom::NodeId notes = dom::no_node;    // aside.notes, if any
  std::vector<Fragment> fragments;     // in reveal.js order (by step)
  int step_count = 0;                  // number of fragment steps; pages in --builds = 1 + this
  Span span;

  // The step at which node `id` itself is a fragment (0 when it is not one).
  int step_of(dom::NodeId id) const;
  // reveal.js's label: "3" or "3.2".
  std::string label() const;

  std::unordered_map<dom::NodeId, size_t> fragment_index;  // node -> index in fragments
};

struct Meta {
  std::string title, author, subject, keywords, date, theme, size;
};

struct Deck {
  Meta meta;
  std::vector<Slide> slides;
};

// Builds the deck from the parsed tree and the front matter. `doc` must
// outlive the Deck (slides refer to its nodes).
Deck deck_build(const dom::Document& doc, const FrontMatter& front, Diagnostics& diags);

}  // namespace deckpdf::deck
