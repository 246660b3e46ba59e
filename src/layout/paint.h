// layout/paint — a box's paint as items: its shadows, background (colour
// and CSS gradient), border, all with rounded corners when it has a
// border-radius; text shadows; a slide's background gradient. Boxes that
// use none of it are drawn as they always were, with RectItems.
#pragma once

#include <memory>
#include <vector>

#include "layout/layout.h"

namespace deckpdf::layout {

// The items under a box's content: box-shadows, background colour,
// background gradient and border of the border box (x, y, w, h), tagged
// `tag`, appended to `out`; the border only when `border` (an inline
// box's is not drawn).
void box_paint(const style::ComputedStyle& s, float x, float y, float w, float h, int tag,
               Span span, std::vector<Item>& out, bool border = true);

// A CSS gradient for a box w x h, in the box's own space (0, 0 at its
// top-left corner), as the PDF draws it.
std::shared_ptr<const Gradient> gradient_for_box(const style::CssGradient& g, float w, float h);

// The path of a rectangle with corners rounded by `r` (top-left,
// top-right, bottom-right, bottom-left; each x and y radius), at (x, y).
PathData rounded_rect(float x, float y, float w, float h, const float (&r)[4][2]);

// A dotted line `width` long from the item's (x, y) to the right, its
// dots `thickness` wide: a dotted text decoration.
PathItem dotted_line(float width, float thickness, const Color& color);

// The text shadow of the text item `text` (its style `s`) as glyph
// outlines, appended to `out`: drawn before the text, so under it.
void text_shadow(const text::FontSet& fonts, const style::ComputedStyle& s, const Item& text,
                 std::vector<Item>& out);

// reveal.js's `data-background-gradient`, or else `own`, a gradient in the
// section's own background: a path over the whole slide, under every item
// of `items` (which are in the list's content space).
void slide_gradient(Context& ctx, const deck::Slide& slide,
                    const std::optional<style::CssGradient>& own, DisplayList& list,
                    std::vector<Item>& items);

}  // namespace deckpdf::layout
