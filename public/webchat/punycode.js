/*
 * markdown-it asks for Node's punycode to show international domain names in links. The browser's
 * URL parser already turns a domain into its ASCII form; the other way round, a domain is shown as
 * written. Saves the punycode package, which Node no longer ships for bundling.
 */
module.exports = {
  toASCII: function (domain) {
    try {
      return new URL('http://' + domain).hostname;
    } catch (error) {
      return domain;
    }
  },
  toUnicode: function (domain) {
    return domain;
  },
};
