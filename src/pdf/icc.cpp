// pdf/icc — the sRGB profile computed: ICC.1:2001-04 (v2.1) byte layout,
// the primaries by the Bradford transform, the tone curve sampled.
#include "pdf/icc.h"

#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace deckpdf::pdf {

namespace {

using Mat = std::array<std::array<double, 3>, 3>;
using Vec = std::array<double, 3>;

Mat mul(const Mat& a, const Mat& b) {
  Mat r{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k) r[i][j] += a[i][k] * b[k][j];
  return r;
}

Vec mul(const Mat& a, const Vec& v) {
  Vec r{};
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k) r[i] += a[i][k] * v[k];
  return r;
}

Mat inverse(const Mat& m) {
  double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
               m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
               m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  Mat r{};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      // The cofactor of m[j][i], by cyclic indices (no sign juggling).
      int a = (j + 1) % 3, b = (j + 2) % 3, c = (i + 1) % 3, d = (i + 2) % 3;
      r[i][j] = (m[a][c] * m[b][d] - m[a][d] * m[b][c]) / det;
    }
  }
  return r;
}

// The D50 white of the ICC connection space (ICC.1 7.2.16), as its
// 16.16 numbers are exactly.
constexpr Vec d50{0.9642, 1.0, 0.8249};

// IEC 61966-2-1's transfer function, encoded value to linear light.
double srgb_to_linear(double v) {
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

void u8(std::string& out, unsigned v) {
  out.push_back(static_cast<char>(v & 0xFF));
}
void u16(std::string& out, unsigned v) {
  u8(out, v >> 8);
  u8(out, v);
}
void u32(std::string& out, uint32_t v) {
  u16(out, v >> 16);
  u16(out, v & 0xFFFF);
}
void s15f16(std::string& out, double v) {
  u32(out, static_cast<uint32_t>(static_cast<int32_t>(std::lround(v * 65536))));
}
void sig(std::string& out, std::string_view four) {
  out.append(four);
}

std::string xyz_tag(const Vec& v) {
  std::string t;
  sig(t, "XYZ ");
  u32(t, 0);
  for (double c : v) s15f16(t, c);
  return t;
}

// textDescriptionType (ICC.1:2001 6.5.17): ASCII, then empty Unicode and
// ScriptCode parts.
std::string desc_tag(std::string_view text) {
  std::string t;
  sig(t, "desc");
  u32(t, 0);
  u32(t, static_cast<uint32_t>(text.size() + 1));
  t.append(text);
  u8(t, 0);
  u32(t, 0);  // Unicode language code
  u32(t, 0);  // Unicode count
  u16(t, 0);  // ScriptCode code
  u8(t, 0);   // ScriptCode count
  t.append(67, '\0');
  return t;
}

std::string text_tag(std::string_view text) {
  std::string t;
  sig(t, "text");
  u32(t, 0);
  t.append(text);
  u8(t, 0);
  return t;
}

std::string curve_tag() {
  constexpr int samples = 1024;
  std::string t;
  sig(t, "curv");
  u32(t, 0);
  u32(t, samples);
  for (int i = 0; i < samples; ++i) {
    double v = srgb_to_linear(static_cast<double>(i) / (samples - 1));
    u16(t, static_cast<unsigned>(std::lround(v * 65535)));
  }
  return t;
}

std::string make_profile() {
  Mat primaries = srgb_d50_primaries();
  auto column = [&](int j) { return Vec{primaries[0][j], primaries[1][j], primaries[2][j]}; };
  struct Tag {
    const char* sig;
    int data;  // index into `data`: the three tone curves share one
  };
  std::vector<std::string> data{desc_tag("sRGB IEC61966-2.1"),
                                text_tag("No copyright, use freely"),
                                xyz_tag(d50),
                                xyz_tag(column(0)),
                                xyz_tag(column(1)),
                                xyz_tag(column(2)),
                                curve_tag()};
  const Tag tags[] = {{"desc", 0}, {"cprt", 1}, {"wtpt", 2}, {"rXYZ", 3}, {"gXYZ", 4},
                      {"bXYZ", 5}, {"rTRC", 6}, {"gTRC", 6}, {"bTRC", 6}};
  constexpr size_t tag_count = sizeof tags / sizeof tags[0];
  // Each element 4-byte aligned after the header and the tag table.
  std::vector<uint32_t> offsets;
  uint32_t at = 128 + 4 + 12 * tag_count;
  for (const std::string& d : data) {
    offsets.push_back(at);
    at += static_cast<uint32_t>((d.size() + 3) / 4 * 4);
  }
  std::string p;
  u32(p, at);  // profile size
  u32(p, 0);   // preferred CMM: none
  u32(p, 0x02100000);
  sig(p, "mntr");
  sig(p, "RGB ");
  sig(p, "XYZ ");
  for (unsigned v : {2026u, 1u, 1u, 0u, 0u, 0u}) u16(p, v);  // a fixed date: same bytes
  sig(p, "acsp");
  u32(p, 0);  // platform
  u32(p, 0);  // flags
  u32(p, 0);  // device manufacturer
  u32(p, 0);  // device model
  u32(p, 0);  // device attributes (8 bytes)
  u32(p, 0);
  u32(p, 0);  // rendering intent: perceptual
  for (double c : d50) s15f16(p, c);
  u32(p, 0);           // creator
  p.append(44, '\0');  // profile ID (v4 only) and reserved bytes
  u32(p, tag_count);
  for (const Tag& t : tags) {
    sig(p, t.sig);
    u32(p, offsets[static_cast<size_t>(t.data)]);
    u32(p, static_cast<uint32_t>(data[static_cast<size_t>(t.data)].size()));
  }
  for (const std::string& d : data) {
    p += d;
    p.append((4 - d.size() % 4) % 4, '\0');
  }
  return p;
}

}  // namespace

std::array<std::array<double, 3>, 3> srgb_d50_primaries() {
  // Chromaticities (IEC 61966-2-1): red, green, blue and the D65 white.
  const double xy[3][2] = {{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}};
  Mat p{};
  for (int j = 0; j < 3; ++j) {
    p[0][j] = xy[j][0] / xy[j][1];
    p[1][j] = 1;
    p[2][j] = (1 - xy[j][0] - xy[j][1]) / xy[j][1];
  }
  Vec d65{0.3127 / 0.3290, 1, (1 - 0.3127 - 0.3290) / 0.3290};
  Vec s = mul(inverse(p), d65);  // each primary's share of the white
  Mat rgb_to_xyz{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) rgb_to_xyz[i][j] = p[i][j] * s[j];
  // Bradford: to cone responses, scaled from the D65 white to D50, back.
  const Mat bradford{
      {{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}};
  Vec from = mul(bradford, d65), to = mul(bradford, d50);
  Mat scale{};
  for (int i = 0; i < 3; ++i) scale[i][i] = to[i] / from[i];
  return mul(mul(inverse(bradford), mul(scale, bradford)), rgb_to_xyz);
}

const std::string& srgb_icc_profile() {
  static const std::string profile = make_profile();
  return profile;
}

}  // namespace deckpdf::pdf
