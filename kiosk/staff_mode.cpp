#include "kiosk/staff_mode.h"

#include <fmt/format.h>

#include "kiosk/device.h"
#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/uuid.h"
#include "media/log.h"

namespace etalase::kiosk {

namespace {
constexpr auto kRetentionEvery = std::chrono::hours(1);
}  // namespace

StaffMode::StaffMode(const std::filesystem::path& dataFolder, const std::string& initialPin,
                     const KioskSettings& settings)
    : m_dataFolder(dataFolder), m_screen(dataFolder), m_settings(settings) {
  m_deviceId = settings.deviceId.empty() ? hostDeviceId() : settings.deviceId;
  auto vault = staff::PinVault::open(dataFolder / "staff-pin.json");
  if (!vault) {
    m_unavailable = vault.error().text() + " (staff mode is closed until the file is repaired or removed)";
    log::warn("staff mode: {}", m_unavailable);
  } else {
    if (!initialPin.empty()) {
      if (vault.value().hasPin()) {
        log::info("staff mode: --staff-pin ignored, a staff PIN is already set (change it in staff mode)");
      } else if (auto error = vault.value().setPin(initialPin)) {
        log::warn("staff mode: the PIN from --staff-pin was not set: {}", error->text());
      } else {
        log::info("staff mode: the staff PIN was set from --staff-pin (only its hash is kept)");
      }
    }
    m_session = std::make_unique<staff::StaffSession>(std::move(vault.value()),
                                                      std::chrono::seconds(settings.staffIdleSeconds));
  }
  applyRetention(std::chrono::system_clock::now());
}

void StaffMode::settingsChanged(const KioskSettings& settings) {
  m_settings = settings;
  m_deviceId = settings.deviceId.empty() ? hostDeviceId() : settings.deviceId;
  if (m_session) m_session->setIdleTimeout(std::chrono::seconds(settings.staffIdleSeconds));
  m_nextRetention = {};  // a new retention period applies now
}

bool StaffMode::pointer(const platform::PointerEvent& event, SDL_Point screen, Clock::time_point now) {
  if (m_session && m_session->open()) m_session->noteActivity(now);
  if (m_swallowing) {
    if (event.kind == platform::PointerEvent::Kind::Up) m_swallowing = false;
    return true;
  }
  if (!open() && !padShown()) {
    switch (event.kind) {
      case platform::PointerEvent::Kind::Down:
        m_hold.down(event.x, event.y, static_cast<float>(screen.x), static_cast<float>(screen.y), now);
        break;
      case platform::PointerEvent::Kind::Move: m_hold.move(event.x, event.y); break;
      case platform::PointerEvent::Kind::Up: m_hold.up(); break;
    }
  }
  return false;
}

bool StaffMode::holdCompleted(Clock::time_point now) {
  if (!m_hold.fired(now)) return false;
  m_swallowing = true;
  if (!m_session) {
    log::warn("staff mode: {}", m_unavailable);
    return true;
  }
  log::info("staff mode: corner held, PIN pad shown");
  m_session->requestEntry(now);
  return true;
}

StaffModeEvent StaffMode::afterPad(const PinPadAction& action, Clock::time_point now) {
  StaffModeEvent event;
  const bool wasOpen = m_session->state() == staff::StaffSession::State::Open;
  if (auto line = applyPinPad(*m_session, action, now)) log::info("{}", *line);
  if (!wasOpen && m_session->state() == staff::StaffSession::State::Open) event.opened = true;
  return event;
}

bool StaffMode::key(SDL_Keycode key, Clock::time_point now, StaffModeEvent& event) {
  if (!m_session) return false;
  if (m_session->padShown()) {
    event = afterPad(pinPadKey(key), now);
    return true;
  }
  if (!m_session->open()) return false;
  m_session->noteActivity(now);
  if (key == SDLK_BACKSPACE) m_screen.text().backspace();
  if (key == SDLK_RETURN || key == SDLK_KP_ENTER || key == SDLK_ESCAPE) m_screen.text().blur();
  return true;
}

bool StaffMode::text(const char* typed) {
  if (!m_session || !m_session->open() || m_session->padShown()) return false;
  m_screen.text().typeText(typed);
  return true;
}

StaffModeEvent StaffMode::draw(const ScreenContext& context, const std::vector<platform::Volume>& volumes,
                               const std::string& packShown, const Catalog* catalog, Clock::time_point now) {
  StaffModeEvent event;
  if (!m_session) return event;
  if (m_session->open() && !m_screen.isOpen()) m_screen.open(catalog, m_settings, m_deviceId);
  m_screen.setCatalog(catalog);
  if (m_screen.isOpen()) {
    event.action = m_screen.draw(context, volumes, packShown, now);
    if (event.action.changePin) m_session->changePin(now);
    if (event.action.settingsSaved) settingsChanged(*event.action.settingsSaved);
    if (event.action.leave) {
      log::info("staff mode: left");
      m_session->close();
      m_screen.close();
      event.closed = true;
    }
  }
  if (m_session->padShown()) {
    const StaffModeEvent padEvent = afterPad(drawPinPad(context, *m_session), now);
    event.opened = padEvent.opened && !m_screen.isOpen();
  }
  return event;
}

StaffModeEvent StaffMode::update(Clock::time_point now) {
  StaffModeEvent event;
  if (m_session && m_session->update(now)) {
    log::info("staff mode: closed after {} s without a touch", m_settings.staffIdleSeconds);
    m_screen.close();
    event.closed = true;
  }
  applyRetention(std::chrono::system_clock::now());
  return event;
}

std::optional<StaffMode::Clock::time_point> StaffMode::nextWake(Clock::time_point now) const {
  std::optional<Clock::time_point> wake = m_hold.deadline();
  const auto earlier = [&](std::optional<Clock::time_point> other) {
    if (other && (!wake || *other < *wake)) wake = other;
  };
  if (m_session) earlier(m_session->idleDeadline());
  if (m_screen.isOpen()) earlier(m_screen.nextWake(now));
  if (m_session && m_session->padShown() && m_session->wait().count() > 0) earlier(now + std::chrono::seconds(1));
  return wake;
}

void StaffMode::applyRetention(std::chrono::system_clock::time_point now) {
  if (m_settings.retentionDays <= 0 || now < m_nextRetention) return;
  m_nextRetention = now + kRetentionEvery;
  leads::StoreOptions options;
  options.create = false;
  auto store = leads::LeadStore::open(m_dataFolder / "leads.db", options);
  if (!store) return;  // no leads yet
  const auto cutoff = now - std::chrono::hours(24) * m_settings.retentionDays;
  auto deleted = store.value().deleteCreatedBefore(leads::utcTimestamp(cutoff), now);
  if (!deleted) {
    log::warn("retention: {}", deleted.error().text());
  } else if (deleted.value() > 0) {
    log::info("retention: {} leads older than {} days deleted", deleted.value(), m_settings.retentionDays);
    m_screen.refresh();
  }
}

}  // namespace etalase::kiosk
