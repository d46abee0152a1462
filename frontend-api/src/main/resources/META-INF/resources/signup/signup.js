// The sign-up and verification pages: plain forms posting to the public GraphQL API (docs/onboarding.md).
(function () {
  "use strict";

  var TEXTS = {
    en: {
      title: "Sign up your company",
      intro: "Create your company's account. We send the administrator an e-mail to confirm the address and set a password.",
      company: "Company", legalName: "Legal name", street: "Street and number", postalCode: "Postal code", city: "City",
      country: "Country (two letters, e.g. DE)", vatId: "VAT id (optional)", creditorType: "Your customers are mostly",
      b2c: "consumers (B2C)", b2b: "businesses (B2B)", admin: "Administrator", adminFirstName: "First name",
      adminLastName: "Last name", adminEmail: "E-mail",
      acceptedTerms: "I accept the terms of use and the data processing agreement.", submit: "Sign up",
      doneTitle: "Almost done", doneText: "We sent an e-mail to",
      doneNext: "Follow its link to confirm the address and set your password.",
      verifyTitle: "Confirm your sign-up", password: "Choose a password (at least 12 characters)",
      verifySubmit: "Confirm and set password", verifiedTitle: "Your account is ready",
      verifiedText: "Sign in with your e-mail address and the password you just chose.",
      required: "Please fill in this field.", email: "Please enter a valid e-mail address.",
      countryFormat: "Please enter the two-letter country code, e.g. DE.", terms: "Please accept the terms to sign up.",
      passwordLength: "The password needs at least 12 characters.", missingToken: "This link is incomplete: open the link from the e-mail again.",
      server: "Please check:", unavailable: "The service cannot be reached right now. Please try again in a minute.",
      conflict: "Already signed up:"
    },
    de: {
      title: "Unternehmen registrieren",
      intro: "Legen Sie das Konto Ihres Unternehmens an. Die Administratorin oder der Administrator erhält eine E-Mail, um die Adresse zu bestätigen und ein Passwort zu setzen.",
      company: "Unternehmen", legalName: "Firmenname", street: "Straße und Hausnummer", postalCode: "Postleitzahl", city: "Ort",
      country: "Land (zwei Buchstaben, z. B. DE)", vatId: "USt-IdNr. (optional)", creditorType: "Ihre Kunden sind überwiegend",
      b2c: "Verbraucher (B2C)", b2b: "Unternehmen (B2B)", admin: "Administrator", adminFirstName: "Vorname",
      adminLastName: "Nachname", adminEmail: "E-Mail",
      acceptedTerms: "Ich akzeptiere die Nutzungsbedingungen und den Auftragsverarbeitungsvertrag.", submit: "Registrieren",
      doneTitle: "Fast geschafft", doneText: "Wir haben eine E-Mail gesendet an",
      doneNext: "Folgen Sie dem Link darin, um die Adresse zu bestätigen und Ihr Passwort zu setzen.",
      verifyTitle: "Registrierung bestätigen", password: "Passwort wählen (mindestens 12 Zeichen)",
      verifySubmit: "Bestätigen und Passwort setzen", verifiedTitle: "Ihr Konto ist bereit",
      verifiedText: "Melden Sie sich mit Ihrer E-Mail-Adresse und dem eben gewählten Passwort an.",
      required: "Bitte füllen Sie dieses Feld aus.", email: "Bitte geben Sie eine gültige E-Mail-Adresse an.",
      countryFormat: "Bitte geben Sie den zweistelligen Ländercode an, z. B. DE.", terms: "Bitte stimmen Sie den Bedingungen zu.",
      passwordLength: "Das Passwort braucht mindestens 12 Zeichen.", missingToken: "Dieser Link ist unvollständig: Bitte öffnen Sie den Link aus der E-Mail erneut.",
      server: "Bitte prüfen:", unavailable: "Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.",
      conflict: "Bereits registriert:"
    }
  };

  var params = new URLSearchParams(window.location.search);
  var lang = params.get("lang") || (navigator.language || "en").slice(0, 2);
  if (!TEXTS[lang]) { lang = "en"; }
  var t = TEXTS[lang];
  document.documentElement.lang = lang;
  document.title = "Agile Dunning — " + (document.getElementById("verify") ? t.verifyTitle : t.title);
  document.querySelectorAll("[data-text]").forEach(function (el) { el.textContent = t[el.getAttribute("data-text")]; });

  function showError(field, message) {
    var target = document.getElementById(field + "-error") || document.getElementById("form-error");
    target.textContent = target.id === "form-error" && field !== "form" ? field + ": " + message : message;
    var input = document.getElementById(field);
    if (input) { input.setAttribute("aria-invalid", "true"); }
  }

  function clearErrors(form) {
    form.querySelectorAll(".error").forEach(function (el) { el.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }

  // GraphQL VALIDATION errors carry "field: reason; field: reason" in extensions.fields.
  function showServerErrors(errors) {
    var first = errors[0] || {};
    var extensions = first.extensions || {};
    if (extensions.code === "VALIDATION" && extensions.fields) {
      extensions.fields.split("; ").forEach(function (pair) {
        var at = pair.indexOf(": ");
        showError(at > 0 ? pair.slice(0, at) : "form", t.server + " " + (at > 0 ? pair.slice(at + 2) : pair));
      });
    } else if (extensions.code === "CONFLICT") {
      showError("form", t.conflict + " " + first.message);
    } else if (extensions.code === "UNAVAILABLE") {
      showError("form", t.unavailable);
    } else {
      showError("form", first.message || t.unavailable);
    }
  }

  function graphql(query, variables) {
    return fetch("/graphql", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({query: query, variables: variables})
    }).then(function (response) { return response.json(); });
  }

  function done(form) {
    form.hidden = true;
    document.getElementById("confirmation").hidden = false;
  }

  var signUp = document.getElementById("sign-up");
  if (signUp) {
    signUp.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(signUp);
      var value = function (id) { return document.getElementById(id).value.trim(); };
      var ok = true;
      ["legalName", "street", "postalCode", "city", "country", "adminFirstName", "adminLastName", "adminEmail"].forEach(function (id) {
        if (!value(id)) { showError(id, t.required); ok = false; }
      });
      if (value("adminEmail") && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value("adminEmail"))) { showError("adminEmail", t.email); ok = false; }
      if (value("country") && !/^[A-Za-z]{2}$/.test(value("country"))) { showError("country", t.countryFormat); ok = false; }
      if (!document.getElementById("acceptedTerms").checked) { showError("acceptedTerms", t.terms); ok = false; }
      if (!ok) { return; }
      var input = {
        legalName: value("legalName"), street: value("street"), postalCode: value("postalCode"), city: value("city"),
        country: value("country").toUpperCase(), vatId: value("vatId") || null, creditorType: value("creditorType"),
        adminFirstName: value("adminFirstName"), adminLastName: value("adminLastName"), adminEmail: value("adminEmail"),
        acceptedTerms: true, locale: lang
      };
      graphql("mutation($input: SignUpInput!) { signUp(input: $input) { tenantId status adminEmail } }", {input: input})
        .then(function (answer) {
          if (answer.errors && answer.errors.length) { showServerErrors(answer.errors); return; }
          document.getElementById("confirmation-email").textContent = answer.data.signUp.adminEmail;
          done(signUp);
        })
        .catch(function () { showError("form", t.unavailable); });
    });
  }

  var verify = document.getElementById("verify");
  if (verify) {
    verify.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors(verify);
      var token = params.get("token");
      var password = document.getElementById("password").value;
      if (!token) { showError("form", t.missingToken); return; }
      if (password.length < 12) { showError("password", t.passwordLength); return; }
      graphql("mutation($token: String!, $password: String!) { verifySignUp(token: $token, password: $password) { status } }",
        {token: token, password: password})
        .then(function (answer) {
          if (answer.errors && answer.errors.length) { showServerErrors(answer.errors); return; }
          done(verify);
        })
        .catch(function () { showError("form", t.unavailable); });
    });
  }
})();
