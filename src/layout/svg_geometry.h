// layout/svg_geometry — the geometry of the SVG subset: numbers and number
// lists as SVG writes them, `transform` lists, path data (every command,
// relative forms, implicit repeats, arcs turned into cubic Béziers) and the
// basic shapes as paths.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "layout/display_list.h"

namespace deckpdf::layout::svg {

Matrix multiply(const Matrix& a, const Matrix& b);  // a after b: b first, then a
Matrix invert(const Matrix& m);                     // identity when singular
float matrix_scale(const Matrix& m);                // sqrt(|det|): a length's scale

// Numbers separated by white space and/or commas; reading stops at the
// first thing that is not a number.
std::vector<float> parse_numbers(std::string_view s);

// A `transform` attribute: matrix, translate, scale, rotate, skewX,
// skewY, in order. nullopt when it does not parse (SVG then ignores it).
std::optional<Matrix> parse_transform(std::string_view s);

// Path data into `out`, stopping at the first error (drawing what came
// before, as SVG asks) or when `budget` segments are spent (it is
// decreased by what was added). False on either.
bool parse_path(std::string_view d, PathData& out, size_t& budget);

// Shapes as paths. Rounded corners: rx, ry already clamped by the caller.
void rect_path(PathData& out, float x, float y, float w, float h, float rx, float ry);
void ellipse_path(PathData& out, float cx, float cy, float rx, float ry);
// `points` of polyline/polygon; an odd last number is dropped.
void poly_path(PathData& out, const std::vector<float>& points, bool close);

// The bounding box of a path's points (control points included, which is
// what objectBoundingBox needs closely enough): x, y, w, h.
std::array<float, 4> path_bounds(const PathData& p);

// A path's points mapped by `m`.
PathData transformed(const PathData& p, const Matrix& m);

}  // namespace deckpdf::layout::svg
