// The family inspector's tools on the case page: post, correct and withdraw updates (and share them again with the
// right members), promise the next update, invite and manage members (members-staff.js) and what a representative
// may do for whom.
import { get, newKey, post, put } from '../lib/api.js';
import { choiceGroup, data, disclosure, field, form, h, languageField, paragraph, section } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';
import { confirmStep } from './end-parts.js';
import { memberCards, RELATIONS } from './members-staff.js';

const SCOPES = ['MESSAGES_AND_INTERVIEWS', 'FULL'];

export async function tools(caseId, timeline, reload) {
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const [phases, memberList] = await Promise.all([get('/api/phases'), get(`${path}/members`)]);
  const members = memberList.members.filter((member) => !member.endedAt);
  const nameOf = new Map(memberList.members.map((member) => [member.id, member.displayName]));
  const names = (ids) => ids.map((id) => nameOf.get(id) || '?').join(', ');

  function withdrawForm(entry) {
    const first = form('withdraw.review', async (values) => {
      const chosen = values.getAll('reshareWith').map(String);
      confirmStep(first, {
        warning: [paragraph('withdraw.warning'), paragraph(chosen.length ? 'withdraw.reshareTo' : 'withdraw.noReshare',
          { names: names(chosen) })],
        submitKey: 'withdraw.submit',
        backKey: 'withdraw.back',
        onConfirm: async () => {
          await post(`${path}/updates/${entry.id}/withdrawal`, chosen.length ? { reshareWith: chosen } : {},
            { key: newKey() });
          reload();
        },
      });
    },
    paragraph('withdraw.intro'),
    members.length ? choiceGroup('reshareWith', 'withdraw.reshareWith',
      members.map((member) => [member.id, data('span', member.displayName)]), 'checkbox') : null);
    return disclosure('withdraw.open', first);
  }

  function entryTools(entry) {
    const readers = Object.entries(entry.readBy || {});
    if (entry.withdrawnAt) {
      return h('div', { class: 'fl-staff-tools' },
        h('p', { class: 'utrecht-paragraph fl-strong' }, h('span', { class: 'fl-badge' }, t('withdraw.badge')),
          t('withdraw.by', { name: entry.withdrawnBy, time: dateTime(entry.withdrawnAt) })),
        h('p', { class: 'fl-meta' }, entry.forAllMembers ? t('staffCase.forAll')
          : t('withdraw.hadIt', { names: names(entry.visibleTo) })),
        entry.resharedAs ? h('p', { class: 'fl-meta' }, h('a', { class: 'utrecht-link',
          href: `#update-${entry.resharedAs}` }, t('withdraw.resharedAs'))) : null);
    }
    return h('div', { class: 'fl-staff-tools' },
      h('p', { class: 'fl-meta' }, entry.forAllMembers ? t('staffCase.forAll')
        : t('staffCase.forChosen', { names: names(entry.visibleTo) })),
      h('p', { class: 'fl-meta' }, readers.length === 0 ? t('staffCase.readByNobody')
        : t('staffCase.readBy', { names: names(readers.map(([id]) => id)) })),
      disclosure('staffCase.correct', form('staffCase.correctSubmit', async (values) => {
        await post(`${path}/updates/${entry.id}/corrections`, { text: String(values.get('text')) });
        reload();
      }, field('text', 'staffCase.correctionText', { type: 'textarea', required: true }))),
      withdrawForm(entry));
  }

  function nextUpdateForm() {
    return disclosure('staffCase.nextUpdate', form('staffCase.nextUpdateSubmit', async (values) => {
      await put(`${path}/next-update`, { date: String(values.get('date')) });
      reload();
    }, field('date', 'staffCase.nextUpdateDate', { type: 'date', required: true, value: timeline.nextUpdateBy })));
  }

  function postForm() {
    const current = timeline.currentPhase.code;
    return section('staffCase.post', form('staffCase.postSubmit', async (values) => {
      const chosen = values.getAll('visibleTo').map(String);
      await post(`${path}/updates`, { text: String(values.get('text')), phase: String(values.get('phase')),
        ...(chosen.length ? { visibleTo: chosen } : {}) });
      reload();
    },
    field('text', 'staffCase.updateText', { type: 'textarea', required: true, rows: 6, hint: 'staffCase.updateHint' }),
    field('phase', 'staffCase.phase', { type: 'select', value: current,
      choices: phases.phases.map((phase) => [phase.code, phase.title, true]) }),
    members.length ? choiceGroup('visibleTo', 'staffCase.visibleTo',
      members.map((member) => [member.id, data('span', member.displayName)]), 'checkbox') : null));
  }

  function scopeField(value) {
    return field('representationScope', 'staffCase.scope', { type: 'select', value, hint: 'staffCase.scopeHint',
      choices: SCOPES.map((scope) => [scope, t(`scopeChoice.${scope}`)]) });
  }

  /** What a representative may do for whom, and changing it. */
  function representation(member, representable) {
    const represented = members.find((other) => other.id === member.representsMemberId);
    return h('div', {},
      h('p', { class: 'fl-meta' }, t('staffCase.representsScope', { name: represented ? represented.displayName : '?',
        scope: t(`scopeChoice.${member.representationScope}`) })),
      disclosure('staffCase.changeRepresentation', form('staffCase.changeRepresentationSubmit', async (values) => {
        await put(`${path}/members/${member.id}/representation`, {
          representsMemberId: String(values.get('representsMemberId')),
          representationScope: String(values.get('representationScope')) });
        reload();
      }, field('representsMemberId', 'staffCase.represents', { type: 'select', value: member.representsMemberId,
        choices: representable.map((other) => [other.id, other.displayName, true]) }),
      scopeField(member.representationScope))));
  }

  function membersSection() {
    const representable = members.filter((member) => !member.representsMemberId);
    return section('staffCase.members',
      memberCards(path, members, reload,
        (member) => (member.representsMemberId ? representation(member, representable) : null)),
      disclosure('staffCase.invite', form('staffCase.inviteSubmit', async (values) => {
        const body = { email: String(values.get('email')).trim(), displayName: String(values.get('displayName')),
          relation: String(values.get('relation')), language: String(values.get('language')) };
        const represents = String(values.get('representsMemberId') || '');
        if (represents) {
          body.representsMemberId = represents;
          body.representationScope = String(values.get('representationScope'));
        }
        await post(`${path}/members`, body);
        reload();
      },
      field('email', 'staffCase.email', { type: 'email', required: true, autocomplete: 'off' }),
      field('displayName', 'staffCase.displayName', { required: true, autocomplete: 'off' }),
      field('relation', 'staffCase.relation', { type: 'select',
        choices: RELATIONS.map((relation) => [relation, t(`relation.${relation}`)]) }),
      representable.length ? field('representsMemberId', 'staffCase.represents', { type: 'select',
        hint: 'staffCase.representsHint',
        choices: [['', t('staffCase.representsNobody')]].concat(
          representable.map((member) => [member.id, member.displayName, true])) }) : null,
      representable.length ? scopeField() : null,
      languageField('language', 'staffCase.language'))));
  }

  return { entryTools, nextUpdateForm, postForm, membersSection };
}
