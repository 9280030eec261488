// The kiosk's input: SDL events routed to staff mode, the screens and the form, and scanned cards.
#include "app.h"

#include <utility>

#include "media/log.h"
#include "platform/pointer_input.h"
#include "platform/sdl_session.h"

namespace etalase::kiosk {

void App::applyScan(const std::string& cardText, const char* source, Clock::time_point now) {
  auto card = parseCard(cardText);
  if (m_navigation.screen() != ScreenId::Contact) openContactForm(currentProducerId(), now);
  if (card) {
    m_form->applyCard(card.value(), cardText, source);
  } else {
    log::info("a scanned code was not a contact card");
    m_form->cardRefused();
  }
  m_needsRender = true;
}

int64_t App::scanClock(Clock::time_point now) const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(now - m_started).count();
}

void App::applyScanStep(const ScanStep& step, std::optional<FormKey> key, Clock::time_point now) {
  if (m_navigation.screen() == ScreenId::Contact) {
    if (step.erase > 0) m_form->eraseCharacters(step.erase);
    if (!step.type.empty()) m_form->typeText(step.type);
    if (key && !step.keyConsumed) m_form->key(*key);
  }
  if (step.card) applyScan(*step.card, leads::kSourceScannedKeyboard, now);
}

void App::handleTyping(const SDL_Event& event, Clock::time_point now) {
  const auto ms = scanClock(now);
  if (event.type == SDL_TEXTINPUT) {
    applyScanStep(m_scanDetector.text(event.text.text, ms), std::nullopt, now);
  } else if (const auto key = formKeyOf(event.key.keysym)) {
    // A scanner ends lines with Enter or Tab; Backspace is a person's.
    ScanStep step;
    if (key != FormKey::Backspace) step = m_scanDetector.key(key == FormKey::Enter ? ScanKey::Enter : ScanKey::Tab, ms);
    applyScanStep(step, key, now);
  }
  m_needsRender = true;
}

void App::handleEvent(const SDL_Event& event, Clock::time_point now) {
  switch (event.type) {
    case SDL_QUIT:
      // On a stand, closing the window (Alt+F4, a window manager's close) must not end the kiosk;
      // systemd's SIGTERM does.
      if (m_options.display.fullscreen && !platform::SdlSession::terminationRequested()) {
        log::info("window close ignored: on a stand the kiosk is left through staff mode");
        return;
      }
      m_quit = true;
      return;
    case SDL_WINDOWEVENT:
      m_needsRender = true;
      return;
    case SDL_KEYDOWN: {
      const bool ctrl = (event.key.keysym.mod & KMOD_CTRL) != 0;
      if (event.key.keysym.sym == SDLK_q && ctrl && !m_options.display.fullscreen) {
        m_quit = true;
        return;
      }
      if (StaffModeEvent staffEvent; m_staff->key(event.key.keysym.sym, now, staffEvent)) {
        applyStaffEvent(staffEvent, now);
        m_needsRender = true;
        return;
      }
      if (event.key.keysym.sym == SDLK_ESCAPE && m_navigation.screen() == ScreenId::BadgeScan) {
        afterFrame([this, now] { openContactForm(m_formProducer, now); });  // back to typing
        m_navigation.noteInput(now);
        return;
      }
      if (event.key.keysym.sym == SDLK_ESCAPE && m_navigation.screen() == ScreenId::Contact) {
        afterFrame([this, now] { enterScreen(m_formBackTo, now); });  // Escape leaves the form, never the kiosk
        m_navigation.noteInput(now);
        return;
      }
      if (event.key.keysym.sym == SDLK_ESCAPE && !m_options.display.fullscreen) {
        m_quit = true;
        return;
      }
      m_navigation.noteInput(now);
      handleTyping(event, now);
      break;
    }
    case SDL_TEXTINPUT:
      if (m_staff->padShown() || m_navigation.screen() == ScreenId::Staff) {
        m_staff->text(event.text.text);
        m_needsRender = true;
        return;
      }
      m_navigation.noteInput(now);
      handleTyping(event, now);
      return;
    default:
      break;
  }
  if (!m_primaryFinger.accept(event)) return;
  int width = 0, height = 0;
  SDL_GetWindowSize(m_display.window(), &width, &height);
  if (auto pointer = platform::toPointerEvent(event, width, height)) {
    // From the panel to the picture drawn on it (turned on a stand mounted upright).
    const SDL_FPoint onPicture = m_display.toPicture(SDL_FPoint{pointer->x, pointer->y});
    pointer->x = onPicture.x;
    pointer->y = onPicture.y;
    if (m_display.quarterTurned()) std::swap(width, height);
    m_navigation.noteInput(now);
    if (m_staff->pointer(*pointer, SDL_Point{width, height}, now)) return;
    const ScreenId screen = m_navigation.screen();
    const bool padShown = m_staff->padShown();
    const bool browsing = screen == ScreenId::Grid || screen == ScreenId::Product || screen == ScreenId::Producer;
    if (browsing && !padShown && m_newScreenGuard.ignore(pointer->kind, now)) return;
    if (pointer->kind == platform::PointerEvent::Kind::Down) m_swipe.down(onPicture, now);
    if (pointer->kind == platform::PointerEvent::Kind::Up && !padShown &&
        swipeProduct(m_swipe.up(onPicture, now, static_cast<float>(width)), now)) {
      // The finger lifts off-screen for the UI: the button it started on is not pressed.
      m_ui->pointer(platform::releasedOffScreen(pointer->touch));
      m_needsRender = true;
      return;
    }
    if (screen == ScreenId::Attract && !padShown) {
      // The whole screen is the button: the tap is used up here, not passed on.
      if (pointer->kind == platform::PointerEvent::Kind::Up && m_navigation.tap(now)) {
        enterScreen(ScreenId::Grid, now);
      }
      return;
    }
    m_ui->pointer(*pointer);
    m_needsRender = true;
    return;
  }
  m_ui->processEvent(event);
}

bool App::swipeProduct(platform::Swipe swipe, Clock::time_point now) {
  if (swipe == platform::Swipe::None || m_navigation.screen() != ScreenId::Product || !m_catalog) return false;
  const std::size_t count = m_catalog->products.size();
  if (count < 2) return false;
  const std::size_t current = m_productPage.product();
  openProduct(swipe == platform::Swipe::Left ? (current + 1) % count : (current + count - 1) % count, now);
  return true;
}

}  // namespace etalase::kiosk
