/** Components that MDX content may use without importing them (content/ holds no code). */
import Warning from '../components/Warning.astro';
import Unconfirmed from '../components/Unconfirmed.astro';
import SelfCheck from '../components/SelfCheck.astro';
import HotlineList from '../components/HotlineList.astro';
import OfficeCard from '../components/OfficeCard.astro';
import GlossaryList from '../components/GlossaryList.astro';
import DeskList from '../components/DeskList.astro';
import TipStorageFacts from '../components/TipStorageFacts.astro';

export const mdxComponents = {
  Warning,
  Unconfirmed,
  SelfCheck,
  Hotlines: HotlineList,
  Office: OfficeCard,
  Glossary: GlossaryList,
  Desks: DeskList,
  TipStorageFacts,
};
