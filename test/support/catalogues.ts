/** The page loads its message catalogues as chunks; the unit tests of web/model/ read them directly. */
import { cy } from '../../web/i18n/cy.ts';
import { en } from '../../web/i18n/en.ts';
import { registerCatalogue } from '../../web/i18n/translate.ts';

registerCatalogue('en', en);
registerCatalogue('cy', cy);
