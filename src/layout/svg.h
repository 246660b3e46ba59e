// layout/svg — SVG drawn as display-list items: the subset interpreter's
// face for the rest of layout (picture.cpp, svg_box.cpp).
//
// The subset: path (all of the path data grammar), rect (rounded), circle,
// ellipse, line, polyline, polygon; fill and stroke with joins, caps,
// dashes and opacity; transforms; viewBox and preserveAspectRatio; nested
// svg, g and switch; use (of this file's elements or another file's),
// defs and symbol; linear and radial gradients (units, gradientTransform,
// href inheritance, stop opacity); clip paths; markers; CSS in style
// attributes and <style> elements; PNG, JPEG and SVG images inside the
// deck's folder; text and tspan shaped by text/ into TextItems, so that
// SVG text is selectable and extracts, also turned; draw.io's HTML labels
// in foreignObject. What the subset lacks (filters, masks, patterns,
// scripts) is named in a problem, and the rest is drawn.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/svg_tree.h"
#include "text/shaper.h"

namespace deckpdf::layout::svg {

// What the SVG says about its own size, in px: width and height
// attributes (absolute units), else the viewBox's proportions.
struct Intrinsic {
  std::optional<float> width, height;
  std::optional<float> ratio;  // width / height
};
Intrinsic intrinsic_size(const Tree& tree);

// The place the SVG's references are looked up: images named in the SVG
// obey the same inside-the-deck-folder rule as `img`.
struct Env {
  text::Shaper& shaper;
  std::string deck_dir;    // the deck's folder
  std::string asset_root;  // --asset-root, for site-absolute paths
  std::string base;        // the SVG file's folder relative to deck_dir ("" inline)
  Limits limits;
  int depth = 0;  // SVG images inside SVG images drawing this one
  // The SVG file drawn (relative to deck_dir; "" inline or a data: URI)
  // and the files whose images or `use` draw it, outermost first: a file
  // that would draw itself is refused.
  std::string file;
  std::vector<std::string> outer;
};

// Draws `tree` into a box `width` x `height` px whose top-left corner is
// (0, 0), appending the items to `out` (tag, span and step left for the
// caller). What it lacks or leaves out is appended to `problems`, one
// line each.
void draw(const Tree& tree, float width, float height, Env& env, std::vector<Item>& out,
          std::vector<std::string>& problems);

// Whether `src` (an img's src) names an SVG: a .svg or .svgz path, or a
// data:image/svg+xml URI.
bool is_svg_source(const std::string& src);

// An SVG named by `src` read into a tree (a file inside the deck's folder,
// or a data: URI), setting env.base to its folder and env.file to it. On failure the tree is
// empty and `problem` says why.
Tree load(const std::string& src, Env& env, std::string& problem);

}  // namespace deckpdf::layout::svg
