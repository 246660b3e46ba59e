// layout/svg_box — SVG as a picture box (see svg_box.cpp): what
// picture.cpp needs to size an SVG as a replaced element and place its
// items.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/layout.h"
#include "layout/svg_tree.h"

namespace deckpdf::layout {

// An SVG picture: its tree, what it says about its size, where its own
// references are looked up, and how warnings name it.
struct VectorPicture {
  std::shared_ptr<svg::Tree> tree;
  std::string base;   // the SVG file's folder, relative to the deck's
  std::string file;   // the SVG file, relative to the deck's folder ("" inline)
  std::string label;  // "'img/x.svg'" or "element"
  std::optional<float> width, height, ratio;
};

// The SVG that element `id` shows: an inline `svg`, or an img, object,
// embed or background whose `src` names one. nullopt for other pictures;
// a tree that is not ok() (and `problem`) when the SVG cannot be read.
std::optional<VectorPicture> vector_picture(Context& ctx, dom::NodeId id, const std::string* src,
                                            std::string& problem);

// The picture's items in the box w x h whose top-left corner is (x, y),
// tagged `tag`, spanned `span`; what it lacks is a warning at `span`.
void vector_items(Context& ctx, const VectorPicture& pic, float x, float y, float w, float h,
                  int tag, Span span, std::vector<Item>& out);

}  // namespace deckpdf::layout
