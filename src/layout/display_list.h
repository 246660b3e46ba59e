// layout/display_list — what layout hands on: positioned drawing items for
// one slide (or one notes block), each tagged with its fragment step.
//
// A DisplayList is immutable once built and shared by const reference: the
// slides page, every build page and the handout all draw the same list.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "image/image.h"
#include "source/source.h"
#include "style/style.h"
#include "text/glyph_run.h"

namespace deckpdf::layout {

using style::Color;

// A filled rectangle; the item's (x, y) is its top-left corner.
struct RectItem {
  float width = 0, height = 0;
  Color fill;
  float stroke_width = 0;  // > 0: outlined in `stroke`
  Color stroke;
};

// A straight line from the item's (x, y) to (x2, y2): underlines, rules.
struct LineItem {
  float x2 = 0, y2 = 0;
  float width = 1;
  Color color;
};

// A list bullet centred on the item's (x, y).
struct MarkerItem {
  enum class Shape { Disc, Circle, Square } shape = Shape::Disc;
  float size = 0;  // diameter or side, px
  Color color;
};

// A clickable area: `a(href)` and Markdown links. The item's (x, y) is its
// top-left corner. Never drawn; compose turns it into a link annotation.
struct LinkItem {
  float width = 0, height = 0;
  std::string href;  // as written: "https://...", "#id", "#/3/2"
};

// A picture drawn into the box whose top-left corner is the item's (x, y),
// turned as its EXIF orientation says. Layout found and decoded it (inside
// the deck's folder, a known format, within the limits); pictures that
// fail that are never ImageItems but a placeholder drawn with rectangles
// and text. Equal pictures share one `picture`.
struct ImageItem {
  std::string path;  // resolved file path, or the head of a data: URI
  float width = 0, height = 0;
  std::shared_ptr<const image::Picture> picture;
};

// A vector path (SVG shapes): segments in the path's own user space,
// mapped to the list's by `matrix` and then moved by the item's (x, y), so
// that strokes and dashes scale with the drawing as SVG asks.
struct PathData {
  enum class Op : uint8_t { Move, Line, Cubic, Close };
  std::vector<Op> ops;
  std::vector<float> pts;  // 2 per Move and Line, 6 per Cubic, none for Close
};

// An affine map [a b c d e f]: (x, y) -> (a x + c y + e, b x + d y + f).
using Matrix = std::array<float, 6>;
inline constexpr Matrix identity_matrix{1, 0, 0, 1, 0, 0};

// A linear or radial gradient in its own space, mapped to the path's user
// space by `matrix` (gradientTransform and, for objectBoundingBox units,
// the box). Linear: from (x1, y1) to (x2, y2). Radial: from the focal
// circle (x1, y1, r1) to the end circle (x2, y2, r2). Pads at both ends.
struct Gradient {
  bool radial = false;
  float x1 = 0, y1 = 0, x2 = 1, y2 = 0, r1 = 0, r2 = 0.5f;
  Matrix matrix = identity_matrix;
  struct Stop {
    float offset = 0;  // 0..1, increasing
    Color color;
  };
  std::vector<Stop> stops;  // at least two
};

// A clip region: a path already in item space (the item's (x, y) applies).
struct ClipPath {
  PathData path;
  bool even_odd = false;
};

// SVG text that is more than a level run at the item's (x, y): turned,
// skewed or mirrored by `matrix` (run space, origin at the start of the
// baseline and y down, -> item space, before (x, y)), clipped, or drawn
// through a group's opacity. Shared and immutable, as PathStyle.
struct TextFrame {
  Matrix matrix = identity_matrix;
  std::vector<std::shared_ptr<const ClipPath>> clips;  // item space
  float opacity = 1;  // the group's, on top of the fill's own alpha
};

// Shaped text drawn with its pen at the item's (x, y): y is the baseline.
struct TextItem {
  std::shared_ptr<const text::GlyphRun> run;
  Color fill;
  // The source text when it differs from what is drawn (text-transform:
  // a heading drawn "CONCURRENCY" was typed "Concurrency"); the PDF carries
  // it as /ActualText so that copied text is what the author wrote. Both
  // pointers are null for nearly every run, which keeps items small.
  std::shared_ptr<const std::string> actual_text;
  std::shared_ptr<const TextFrame> frame;  // null: level at (x, y), opaque
};

// How a path is drawn: everything but its segments. Shared and immutable,
// so that a PathItem stays as small as the other items.
struct PathStyle {
  Matrix matrix = identity_matrix;  // path space -> list space, before (x, y)
  // Fill: none when both are unset; a gradient wins over the colour, whose
  // alpha (when set) is then the gradient's opacity.
  std::optional<Color> fill;
  std::shared_ptr<const Gradient> fill_gradient;
  bool even_odd = false;
  // Stroke, in path space units.
  std::optional<Color> stroke;
  float stroke_width = 1;
  enum class Join : uint8_t { Miter, Round, Bevel } join = Join::Miter;
  enum class Cap : uint8_t { Butt, Round, Square } cap = Cap::Butt;
  float miter_limit = 4;
  std::vector<float> dashes;  // empty: solid
  float dash_offset = 0;
  // Every clip applies (nested groups): the drawn area is their intersection.
  std::vector<std::shared_ptr<const ClipPath>> clips;
  float opacity = 1;  // the group's, on top of the colours' own alpha
};

struct PathItem {
  std::shared_ptr<const PathData> path;
  std::shared_ptr<const PathStyle> style;  // never null
};

// A step that never comes: Item::until when an item is never hidden, and
// the step of a fragment that reveal.js never shows.
inline constexpr int never = INT_MAX;

// The state reveal.js's print view shows (`?print-pdf` without separate
// fragments), which deckpdf's slides mode follows: every fragment that is
// ever shown is shown (a .fade-out or .current-visible one too), effects
// are as after the last step (dimmed, highlighted, struck), and no
// fragment is "current" (.highlight-current-* stays uncoloured).
inline constexpr int print_state = never - 1;

// How a fragment changes the look of its items while it is active, beyond
// showing or hiding them (reveal.js's fragment classes; see deck.h).
struct Effect {
  enum class Kind {
    Dim,      // opacity 0.5: .semi-fade-out, .fade-in-then-semi-out after its step
    Color,    // drawn in `color`: .highlight-*, .highlight-current-*
    Strike,   // text struck through: .strike
    Scale,    // scaled by `scale` about (cx, cy): .grow 1.3, .shrink 0.7
    Opacity,  // CSS `opacity`: drawn as a group at `alpha` (on every step,
              // but for a code line's as its line-highlight steps change it)
  };
  Kind kind = Kind::Dim;
  int from = 0, until = never;  // active on the steps k with from <= k < until
  Color color;
  float scale = 1, cx = 0, cy = 0;  // Scale: factor and centre, list space
  float alpha = 1;                  // Opacity
  bool active(int k) const { return from <= k && k < until; }
  bool operator==(const Effect&) const = default;
};

struct Item {
  float x = 0, y = 0;  // px in the list's own space, y down
  std::variant<TextItem, RectItem, LineItem, MarkerItem, LinkItem, ImageItem, PathItem> v;
  int step = 0;       // fragment step at which the item appears; 0 = always
  int until = never;  // step from which it is hidden again (.fade-out, .current-visible)
  int effects = 0;    // index into DisplayList::effects; 0 = none
  Span span;          // the source construct it was made from
  // Layout's own, while it lays a slide out: which fragment tag (what the
  // fragment and link ancestors make of the content) the item has; its
  // step, until and effects come from it once the slide is done. After: 0,
  // or in a tagged export 1 + the item's element in DisplayList::structure
  // (0: an artifact).
  int tag = 0;

  // Visible at step k; at `print_state` every item that is ever shown is.
  bool visible_at(int k) const;
};

// What appears at `step` and is hidden from `until` shows at step k; at
// `print_state` everything that is ever shown does.
inline bool shown_at(int step, int until, int k) {
  return step <= k && (k < until || (k == print_state && step < never));
}

inline bool Item::visible_at(int k) const {
  return shown_at(step, until, k);
}

// The items of a list that share (step, until, effects): they appear, hide
// and change together, so later stages show, dim and reuse them as one
// (layers.h groups them; compose picks the layers a page shows).
struct Layer {
  int step = 0, until = never;
  int effects = 0;              // index into DisplayList::effects
  std::vector<uint32_t> items;  // indices into DisplayList::items, in item order

  bool visible_at(int k) const { return shown_at(step, until, k); }
};

struct Structure;  // roles.h

struct DisplayList {
  float width = 0, height = 0;  // the slide (or box) size, px
  Color background{1, 1, 1, 1};
  // The content's placement inside the box: items are drawn scaled by
  // `scale` and moved by (dx, dy). An overfull slide has scale < 1.
  float scale = 1, dx = 0, dy = 0;
  bool clip = false;  // content still overflows at the smallest scale
  int step_count = 0;
  std::vector<Item> items;
  // Effect sets that items refer to by index; set 0 is empty.
  std::vector<std::vector<Effect>> effects{{}};
  // The items in layers, in the order of their first items, so that what
  // was drawn first stays underneath: set by layers_group (layers.h)
  // whenever a list is made or changed.
  std::vector<Layer> layers;
  // A flow's (layout_flow's) line boxes and pictures, top to bottom, in
  // list space: where a flow that does not fit its box may be split. No
  // line box is ever cut; the places between them are the break points.
  // Empty for slides.
  struct Band {
    float top = 0, bottom = 0;
  };
  std::vector<Band> bands;
  // A tagged export's structure elements (roles.h), which Item::tag names;
  // null when not tagging. Copies of a list (flow pieces, ink-saving
  // copies) share it.
  std::shared_ptr<const Structure> structure;
};

}  // namespace deckpdf::layout
