// layout/svg_geometry — SVG numbers, transforms, path data and shapes.
#include "layout/svg_geometry.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace deckpdf::layout::svg {

namespace {

constexpr float pi = 3.14159265358979f;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// A reader over SVG's number grammar: "1e-3", "-.5.5" (two numbers), with
// white space and at most one comma between numbers.
struct Reader {
  std::string_view s;
  size_t i = 0;

  void skip_space() {
    while (i < s.size() && is_space(s[i])) ++i;
  }
  void skip_separator() {
    skip_space();
    if (i < s.size() && s[i] == ',') ++i;
    skip_space();
  }
  bool at_end() {
    skip_space();
    return i >= s.size();
  }
  bool number(float& out) {
    skip_space();
    size_t j = i;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    size_t digits = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, ++digits;
    if (j < s.size() && s[j] == '.') {
      ++j;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, ++digits;
    }
    if (digits == 0) return false;
    if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
      size_t k = j + 1;
      if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
      if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
        while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
        j = k;
      }
    }
    std::string text(s.substr(i, j - i));
    double v = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(v) || std::fabs(v) > 1e9) v = 0;
    out = static_cast<float>(v);
    i = j;
    skip_separator();
    return true;
  }
  // An arc flag: a single 0 or 1, which may be followed directly by a number.
  bool flag(bool& out) {
    skip_space();
    if (i >= s.size() || (s[i] != '0' && s[i] != '1')) return false;
    out = s[i++] == '1';
    skip_separator();
    return true;
  }
};

// Builds a PathData while counting its segments against a budget.
struct Pen {
  PathData& out;
  size_t& budget;
  float x = 0, y = 0, start_x = 0, start_y = 0;
  bool spent = false;

  bool take() {
    if (budget == 0) {
      spent = true;
      return false;
    }
    --budget;
    return true;
  }
  void move(float nx, float ny) {
    if (!take()) return;
    out.ops.push_back(PathData::Op::Move);
    out.pts.insert(out.pts.end(), {nx, ny});
    x = start_x = nx;
    y = start_y = ny;
  }
  void line(float nx, float ny) {
    if (!take()) return;
    out.ops.push_back(PathData::Op::Line);
    out.pts.insert(out.pts.end(), {nx, ny});
    x = nx;
    y = ny;
  }
  void cubic(float x1, float y1, float x2, float y2, float nx, float ny) {
    if (!take()) return;
    out.ops.push_back(PathData::Op::Cubic);
    out.pts.insert(out.pts.end(), {x1, y1, x2, y2, nx, ny});
    x = nx;
    y = ny;
  }
  void close() {
    if (!take()) return;
    out.ops.push_back(PathData::Op::Close);
    x = start_x;
    y = start_y;
  }
  // SVG 1.1 F.6.5: endpoint to centre parameterization, then one cubic per
  // quarter turn at most.
  void arc(float rx, float ry, float angle, bool large, bool sweep, float x2, float y2) {
    float x1 = x, y1 = y;
    if (x1 == x2 && y1 == y2) return;
    rx = std::fabs(rx);
    ry = std::fabs(ry);
    if (rx == 0 || ry == 0) {
      line(x2, y2);
      return;
    }
    float phi = angle * pi / 180, c = std::cos(phi), s = std::sin(phi);
    float dx = (x1 - x2) / 2, dy = (y1 - y2) / 2;
    float x1p = c * dx + s * dy, y1p = -s * dx + c * dy;
    float lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
    if (lambda > 1) {
      rx *= std::sqrt(lambda);
      ry *= std::sqrt(lambda);
    }
    float num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
    float den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
    float k = den > 0 ? std::sqrt(std::max(0.0f, num / den)) : 0;
    if (large == sweep) k = -k;
    float cxp = k * rx * y1p / ry, cyp = -k * ry * x1p / rx;
    float cx = c * cxp - s * cyp + (x1 + x2) / 2, cy = s * cxp + c * cyp + (y1 + y2) / 2;
    auto angle_of = [](float ux, float uy, float vx, float vy) {
      return std::atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    };
    float t1 = angle_of(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
    float dt = angle_of((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
    if (!sweep && dt > 0) dt -= 2 * pi;
    if (sweep && dt < 0) dt += 2 * pi;
    int n = std::max(1, static_cast<int>(std::ceil(std::fabs(dt) / (pi / 2) - 1e-4f)));
    float step = dt / static_cast<float>(n);
    float alpha = 4.0f / 3.0f * std::tan(step / 4);
    auto point = [&](float t, float& px, float& py, float& tx, float& ty) {
      float ct = std::cos(t), st = std::sin(t);
      px = cx + rx * ct * c - ry * st * s;
      py = cy + rx * ct * s + ry * st * c;
      tx = -rx * st * c - ry * ct * s;  // derivative
      ty = -rx * st * s + ry * ct * c;
    };
    float t = t1;
    for (int i = 0; i < n; ++i) {
      float ax, ay, atx, aty, bx, by, btx, bty;
      point(t, ax, ay, atx, aty);
      point(t + step, bx, by, btx, bty);
      if (i == n - 1) {
        bx = x2;
        by = y2;
      }
      cubic(ax + alpha * atx, ay + alpha * aty, bx - alpha * btx, by - alpha * bty, bx, by);
      t += step;
    }
  }
};

}  // namespace

Matrix multiply(const Matrix& a, const Matrix& b) {
  return {a[0] * b[0] + a[2] * b[1],        a[1] * b[0] + a[3] * b[1],
          a[0] * b[2] + a[2] * b[3],        a[1] * b[2] + a[3] * b[3],
          a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5]};
}

Matrix invert(const Matrix& m) {
  float det = m[0] * m[3] - m[1] * m[2];
  if (std::fabs(det) < 1e-12f) return identity_matrix;
  float a = m[3] / det, b = -m[1] / det, c = -m[2] / det, d = m[0] / det;
  return {a, b, c, d, -(a * m[4] + c * m[5]), -(b * m[4] + d * m[5])};
}

float matrix_scale(const Matrix& m) {
  return std::sqrt(std::fabs(m[0] * m[3] - m[1] * m[2]));
}

std::vector<float> parse_numbers(std::string_view s) {
  Reader r{s};
  std::vector<float> out;
  float v;
  while (out.size() < 10'000'000 && r.number(v)) out.push_back(v);
  return out;
}

std::optional<Matrix> parse_transform(std::string_view s) {
  Matrix m = identity_matrix;
  size_t i = 0;
  while (true) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    if (i >= s.size()) return m;
    size_t open = s.find('(', i), close = s.find(')', i);
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      return std::nullopt;
    }
    std::string_view name = s.substr(i, open - i);
    while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
    std::vector<float> a = parse_numbers(s.substr(open + 1, close - open - 1));
    size_t n = a.size();
    Matrix t = identity_matrix;
    if (name == "matrix" && n == 6) {
      t = {a[0], a[1], a[2], a[3], a[4], a[5]};
    } else if (name == "translate" && (n == 1 || n == 2)) {
      t = {1, 0, 0, 1, a[0], n == 2 ? a[1] : 0};
    } else if (name == "scale" && (n == 1 || n == 2)) {
      t = {a[0], 0, 0, n == 2 ? a[1] : a[0], 0, 0};
    } else if (name == "rotate" && (n == 1 || n == 3)) {
      float r = a[0] * pi / 180, c = std::cos(r), sn = std::sin(r);
      t = {c, sn, -sn, c, 0, 0};
      if (n == 3) {
        t = multiply(Matrix{1, 0, 0, 1, a[1], a[2]}, multiply(t, Matrix{1, 0, 0, 1, -a[1], -a[2]}));
      }
    } else if (name == "skewx" || name == "skewX") {
      if (n != 1) return std::nullopt;
      t = {1, 0, std::tan(a[0] * pi / 180), 1, 0, 0};
    } else if (name == "skewy" || name == "skewY") {
      if (n != 1) return std::nullopt;
      t = {1, std::tan(a[0] * pi / 180), 0, 1, 0, 0};
    } else {
      return std::nullopt;
    }
    m = multiply(m, t);
    i = close + 1;
  }
}

bool parse_path(std::string_view d, PathData& out, size_t& budget) {
  Reader r{d};
  Pen pen{out, budget};
  char cmd = 0;
  float last_cx = 0, last_cy = 0;  // the previous command's last control point
  char last = 0;
  while (!r.at_end() && !pen.spent) {
    char c = d[r.i];
    if (std::isalpha(static_cast<unsigned char>(c))) {
      cmd = c;
      ++r.i;
    } else if (cmd == 0 || cmd == 'z' || cmd == 'Z') {
      return false;  // numbers with no command, or after a close
    } else if (cmd == 'm') {
      cmd = 'l';  // implicit repeats of a moveto are linetos
    } else if (cmd == 'M') {
      cmd = 'L';
    }
    bool rel = std::islower(static_cast<unsigned char>(cmd));
    float ox = rel ? pen.x : 0, oy = rel ? pen.y : 0;
    float a[7];
    auto nums = [&](int n) {
      for (int k = 0; k < n; ++k) {
        if (!r.number(a[k])) return false;
      }
      return true;
    };
    char up = static_cast<char>(std::toupper(static_cast<unsigned char>(cmd)));
    if (out.ops.empty() && up != 'M') return false;  // path data must start with a moveto
    switch (up) {
      case 'M':
        if (!nums(2)) return false;
        pen.move(ox + a[0], oy + a[1]);
        break;
      case 'L':
        if (!nums(2)) return false;
        pen.line(ox + a[0], oy + a[1]);
        break;
      case 'H':
        if (!nums(1)) return false;
        pen.line(ox + a[0], pen.y);
        break;
      case 'V':
        if (!nums(1)) return false;
        pen.line(pen.x, oy + a[0]);
        break;
      case 'C':
        if (!nums(6)) return false;
        last_cx = ox + a[2];
        last_cy = oy + a[3];
        pen.cubic(ox + a[0], oy + a[1], last_cx, last_cy, ox + a[4], oy + a[5]);
        break;
      case 'S': {
        if (!nums(4)) return false;
        bool smooth = last == 'C' || last == 'S';
        float x1 = smooth ? 2 * pen.x - last_cx : pen.x, y1 = smooth ? 2 * pen.y - last_cy : pen.y;
        last_cx = ox + a[0];
        last_cy = oy + a[1];
        pen.cubic(x1, y1, last_cx, last_cy, ox + a[2], oy + a[3]);
        break;
      }
      case 'Q':
      case 'T': {
        float qx, qy;
        if (up == 'Q') {
          if (!nums(4)) return false;
          qx = ox + a[0];
          qy = oy + a[1];
          a[0] = a[2];
          a[1] = a[3];
        } else {
          if (!nums(2)) return false;
          bool smooth = last == 'Q' || last == 'T';
          qx = smooth ? 2 * pen.x - last_cx : pen.x;
          qy = smooth ? 2 * pen.y - last_cy : pen.y;
        }
        float ex = ox + a[0], ey = oy + a[1];
        // A quadratic as a cubic: control points two thirds of the way.
        pen.cubic(pen.x + 2.0f / 3 * (qx - pen.x), pen.y + 2.0f / 3 * (qy - pen.y),
                  ex + 2.0f / 3 * (qx - ex), ey + 2.0f / 3 * (qy - ey), ex, ey);
        last_cx = qx;
        last_cy = qy;
        break;
      }
      case 'A': {
        bool large = false, sweep = false;
        if (!nums(3) || !r.flag(large) || !r.flag(sweep) || !r.number(a[3]) || !r.number(a[4])) {
          return false;
        }
        pen.arc(a[0], a[1], a[2], large, sweep, ox + a[3], oy + a[4]);
        break;
      }
      case 'Z': pen.close(); break;
      default: return false;
    }
    last = up;
  }
  return !pen.spent;
}

void rect_path(PathData& out, float x, float y, float w, float h, float rx, float ry) {
  size_t budget = 16;
  Pen p{out, budget};
  if (rx <= 0 || ry <= 0) {
    p.move(x, y);
    p.line(x + w, y);
    p.line(x + w, y + h);
    p.line(x, y + h);
    p.close();
    return;
  }
  const float k = 0.5523f;
  p.move(x + rx, y);
  p.line(x + w - rx, y);
  p.cubic(x + w - rx + k * rx, y, x + w, y + ry - k * ry, x + w, y + ry);
  p.line(x + w, y + h - ry);
  p.cubic(x + w, y + h - ry + k * ry, x + w - rx + k * rx, y + h, x + w - rx, y + h);
  p.line(x + rx, y + h);
  p.cubic(x + rx - k * rx, y + h, x, y + h - ry + k * ry, x, y + h - ry);
  p.line(x, y + ry);
  p.cubic(x, y + ry - k * ry, x + rx - k * rx, y, x + rx, y);
  p.close();
}

void ellipse_path(PathData& out, float cx, float cy, float rx, float ry) {
  size_t budget = 8;
  Pen p{out, budget};
  const float k = 0.5523f;
  p.move(cx + rx, cy);
  p.cubic(cx + rx, cy + k * ry, cx + k * rx, cy + ry, cx, cy + ry);
  p.cubic(cx - k * rx, cy + ry, cx - rx, cy + k * ry, cx - rx, cy);
  p.cubic(cx - rx, cy - k * ry, cx - k * rx, cy - ry, cx, cy - ry);
  p.cubic(cx + k * rx, cy - ry, cx + rx, cy - k * ry, cx + rx, cy);
  p.close();
}

void poly_path(PathData& out, const std::vector<float>& points, bool close) {
  for (size_t i = 0; i + 1 < points.size(); i += 2) {
    out.ops.push_back(i == 0 ? PathData::Op::Move : PathData::Op::Line);
    out.pts.insert(out.pts.end(), {points[i], points[i + 1]});
  }
  if (close && !out.ops.empty()) out.ops.push_back(PathData::Op::Close);
}

std::array<float, 4> path_bounds(const PathData& p) {
  if (p.pts.empty()) return {0, 0, 0, 0};
  float x0 = p.pts[0], y0 = p.pts[1], x1 = x0, y1 = y0;
  for (size_t i = 0; i + 1 < p.pts.size(); i += 2) {
    x0 = std::min(x0, p.pts[i]);
    x1 = std::max(x1, p.pts[i]);
    y0 = std::min(y0, p.pts[i + 1]);
    y1 = std::max(y1, p.pts[i + 1]);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

PathData transformed(const PathData& p, const Matrix& m) {
  PathData out = p;
  for (size_t i = 0; i + 1 < out.pts.size(); i += 2) {
    float x = p.pts[i], y = p.pts[i + 1];
    out.pts[i] = m[0] * x + m[2] * y + m[4];
    out.pts[i + 1] = m[1] * x + m[3] * y + m[5];
  }
  return out;
}

}  // namespace deckpdf::layout::svg
