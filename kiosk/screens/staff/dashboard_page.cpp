// The stand's numbers as charts drawn by the kiosk: leads per hour and per day, leads per
// product, views and video plays per product, forms opened against sent, scans against typing.
// No personal data: counts only.
#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "kiosk/screens/staff/staff_pages.h"
#include "kiosk/screens/staff/staff_time.h"
#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

namespace {

const ImU32 kBar = IM_COL32(196, 120, 41, 255);
const ImU32 kSecondBar = IM_COL32(90, 140, 200, 255);
const ImU32 kPanel = IM_COL32(40, 32, 28, 255);

struct Bar {
  std::string label;
  std::int64_t value = 0;
  std::int64_t second = 0;  // a second series beside the first (plays beside views), or 0
};

void panelTitle(ImDrawList* draw, ImVec2 at, const std::string& title) {
  draw->AddText(at, kTextColour, title.c_str());
}

// Upright bars across `size`, labelled below; the largest value sets the scale.
void columnChart(const ScreenContext& context, const std::string& title, const std::vector<Bar>& bars, ImVec2 size,
                 const char* id) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  rememberLastItem(id);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), kPanel, 8.0f);
  const float pad = context.unit * 0.5f;
  panelTitle(draw, ImVec2(origin.x + pad, origin.y + pad), title);
  if (bars.empty()) {
    draw->AddText(ImVec2(origin.x + pad, origin.y + pad + context.unit * 1.5f), kSubtleTextColour, "nothing yet");
    return;
  }
  std::int64_t most = 1;
  for (const Bar& bar : bars) most = std::max({most, bar.value, bar.second});
  const float top = origin.y + pad + context.unit * 2.2f, bottom = origin.y + size.y - pad - context.unit * 1.2f;
  const float slot = (size.x - 2 * pad) / static_cast<float>(bars.size());
  ImFont* small = context.fonts->small;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const float x = origin.x + pad + slot * static_cast<float>(i);
    const float h = (bottom - top) * static_cast<float>(bars[i].value) / static_cast<float>(most);
    draw->AddRectFilled(ImVec2(x + slot * 0.15f, bottom - h), ImVec2(x + slot * 0.85f, bottom), kBar, 3.0f);
    if (bars[i].value > 0) {
      const std::string value = std::to_string(bars[i].value);
      draw->AddText(small, small->FontSize, ImVec2(x + slot * 0.2f, bottom - h - small->FontSize), kTextColour, value.c_str());
    }
    draw->AddText(small, small->FontSize, ImVec2(x + slot * 0.1f, bottom + 2), kSubtleTextColour, bars[i].label.c_str());
  }
}

// Bars lying down, one row per item with its label at the left: for products, whose names are long.
void rowChart(const ScreenContext& context, const std::string& title, const std::vector<Bar>& bars, float width,
              const char* firstName, const char* secondName, const char* id) {
  const float rowHeight = context.unit * 1.3f;
  const float pad = context.unit * 0.5f;
  const ImVec2 size(width, pad * 2 + context.unit * 2.0f + rowHeight * static_cast<float>(std::max<std::size_t>(bars.size(), 1)));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  rememberLastItem(id);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), kPanel, 8.0f);
  std::string heading = title;
  if (secondName) heading += fmt::format("   ({} / {})", firstName, secondName);
  panelTitle(draw, ImVec2(origin.x + pad, origin.y + pad), heading);
  std::int64_t most = 1;
  for (const Bar& bar : bars) most = std::max({most, bar.value, bar.second});
  const float labelWidth = width * 0.38f;
  const float barsWidth = width - labelWidth - pad * 3 - context.unit * 3;
  ImFont* small = context.fonts->small;
  float y = origin.y + pad + context.unit * 1.8f;
  if (bars.empty()) draw->AddText(ImVec2(origin.x + pad, y), kSubtleTextColour, "nothing yet");
  for (const Bar& bar : bars) {
    std::string label = bar.label;
    while (label.size() > 4 && ImGui::CalcTextSize(label.c_str()).x * small->FontSize / context.unit > labelWidth) {
      label.resize(label.size() - 4);
      while (!label.empty() && (static_cast<unsigned char>(label.back()) & 0xC0) == 0x80) label.pop_back();
      if (!label.empty()) label.pop_back();
      label += "\xE2\x80\xA6";
    }
    draw->AddText(small, small->FontSize, ImVec2(origin.x + pad, y), kTextColour, label.c_str());
    const float x0 = origin.x + pad * 2 + labelWidth;
    const float half = secondName ? rowHeight * 0.4f : rowHeight * 0.75f;
    const float w1 = barsWidth * static_cast<float>(bar.value) / static_cast<float>(most);
    draw->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w1, y + half), kBar, 2.0f);
    std::string figures = std::to_string(bar.value);
    if (secondName) {
      const float w2 = barsWidth * static_cast<float>(bar.second) / static_cast<float>(most);
      draw->AddRectFilled(ImVec2(x0, y + half + 1), ImVec2(x0 + w2, y + 2 * half + 1), kSecondBar, 2.0f);
      figures += " / " + std::to_string(bar.second);
    }
    draw->AddText(small, small->FontSize, ImVec2(x0 + std::max(w1, 0.0f) + pad, y), kSubtleTextColour, figures.c_str());
    y += rowHeight;
  }
}

std::int64_t total(const leads::CounterSummary& counters, leads::EventKind kind) {
  const auto found = counters.totals.find(kind);
  return found == counters.totals.end() ? 0 : found->second;
}

}  // namespace

void DashboardPage::refresh(StaffContext& staff) {
  m_error.clear();
  if (!staff.store) return;
  auto stats = staff.store->leadStats(utcOffsetMinutes());
  auto counters = staff.store->counters();
  if (!stats || !counters) {
    m_error = "Cannot read the figures: " + (!stats ? stats.error() : counters.error()).text();
    return;
  }
  m_stats = std::move(stats.value());
  m_counters = std::move(counters.value());
}

void DashboardPage::draw(const ScreenContext& context, StaffContext& staff) {
  if (!m_error.empty()) ImGui::TextWrapped("%s", m_error.c_str());
  const float height = std::max(context.unit * 4, staff.contentHeight - ImGui::GetCursorScreenPos().y - context.unit);
  ImGui::BeginChild("dashboard", ImVec2(0, height));
  const float width = ImGui::GetContentRegionAvail().x;
  const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
  const float chartHeight = context.unit * 9.0f;

  // Today's hours, in the stand's local time.
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  const std::string todayKey = fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  std::vector<Bar> hours;
  for (int hour = 8; hour <= 20; ++hour) hours.push_back({fmt::format("{:02}", hour), 0, 0});
  for (const auto& [key, count] : m_stats.perHour) {
    if (key.rfind(todayKey, 0) != 0 || key.size() < 13) continue;
    const int hour = std::atoi(key.c_str() + 11);
    auto at = std::find_if(hours.begin(), hours.end(), [&](const Bar& bar) { return std::atoi(bar.label.c_str()) == hour; });
    if (at == hours.end()) {
      hours.push_back({fmt::format("{:02}", hour), count, 0});
      std::sort(hours.begin(), hours.end(), [](const Bar& a, const Bar& b) { return a.label < b.label; });
    } else {
      at->value = count;
    }
  }
  columnChart(context, fmt::format("Leads per hour today ({} in all)", m_stats.total), hours, ImVec2(half, chartHeight),
              "staff.chart.hours");
  ImGui::SameLine();
  std::vector<Bar> days;
  const std::size_t firstDay = m_stats.perDay.size() > 10 ? m_stats.perDay.size() - 10 : 0;
  for (std::size_t i = firstDay; i < m_stats.perDay.size(); ++i) {
    const std::string& key = m_stats.perDay[i].first;
    days.push_back({key.size() >= 10 ? key.substr(8, 2) + "/" + key.substr(5, 2) : key, m_stats.perDay[i].second, 0});
  }
  columnChart(context, "Leads per day", days, ImVec2(half, chartHeight), "staff.chart.days");

  const std::int64_t opened = total(m_counters, leads::EventKind::FormOpened);
  const std::int64_t sent = total(m_counters, leads::EventKind::FormSubmitted);
  std::vector<Bar> forms = {{"opened", opened, 0}, {"sent", sent, 0}};
  columnChart(context,
              opened > 0 ? fmt::format("Forms: {} % sent", sent * 100 / opened) : std::string("Forms opened / sent"),
              forms, ImVec2(half, chartHeight), "staff.chart.forms");
  ImGui::SameLine();
  std::vector<Bar> sources = {{"typed", m_stats.typed, 0},
                              {"scanned", m_stats.scanned, 0},
                              {"USB scans", total(m_counters, leads::EventKind::ScanKeyboard), 0},
                              {"camera scans", total(m_counters, leads::EventKind::ScanCamera), 0}};
  columnChart(context, "Leads typed / scanned, and badge scans", sources, ImVec2(half, chartHeight), "staff.chart.scans");

  std::vector<Bar> perProduct;
  for (const auto& [product, count] : m_stats.perProduct) perProduct.push_back({productName(staff.catalog, product), count, 0});
  rowChart(context, "Leads per product", perProduct, width, nullptr, nullptr, "staff.chart.products");
  std::vector<Bar> views;
  if (staff.catalog) {
    for (const Product& product : staff.catalog->products) {
      Bar bar{productName(staff.catalog, product.id), 0, 0};
      if (const auto found = m_counters.perProduct.find(product.id); found != m_counters.perProduct.end()) {
        const auto view = found->second.find(leads::EventKind::ProductView);
        const auto play = found->second.find(leads::EventKind::VideoPlay);
        bar.value = view == found->second.end() ? 0 : view->second;
        bar.second = play == found->second.end() ? 0 : play->second;
      }
      views.push_back(bar);
    }
  }
  std::sort(views.begin(), views.end(), [](const Bar& a, const Bar& b) { return a.value > b.value; });
  rowChart(context, "Views and video plays per product", views, width, "views", "plays", "staff.chart.views");
  ImGui::Text("Rated: %lld hot, %lld warm, %lld cold, %lld not rated; %lld to follow up",
              static_cast<long long>(m_stats.hot), static_cast<long long>(m_stats.warm),
              static_cast<long long>(m_stats.cold), static_cast<long long>(m_stats.unrated),
              static_cast<long long>(m_stats.followUp));
  dragToScroll();
  ImGui::EndChild();
}

}  // namespace etalase::kiosk
