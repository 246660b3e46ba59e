// pdf/icc — the sRGB ICC profile a PDF/A output intent names (internal to
// pdf/), made here rather than copied from a file: an ICC v2 display
// profile ('mntr', RGB to the XYZ connection space) whose primaries are
// IEC 61966-2-1's chromaticities adapted from D65 to the D50 connection
// space by the Bradford transform, and whose three tone curves are one
// sampled sRGB curve. The same bytes on every run and every machine.
#pragma once

#include <array>
#include <string>

namespace deckpdf::pdf {

// The profile's bytes (about 2.6 KB).
const std::string& srgb_icc_profile();

// The sRGB primaries' XYZ in the D50 connection space, columns red, green,
// blue (what the profile's rXYZ, gXYZ and bXYZ tags hold), before rounding
// to the profile's 16.16 fixed point.
std::array<std::array<double, 3>, 3> srgb_d50_primaries();

}  // namespace deckpdf::pdf
