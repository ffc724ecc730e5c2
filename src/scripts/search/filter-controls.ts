/**
 * The filter controls, built from the values Pagefind holds: a fieldset of
 * checkboxes or a select per filter. Their names match the URL parameters,
 * so the form's own GET submission describes the same search.
 */
import { filterGroups, orderFilterValues, type FilterGroup } from './filter-groups.ts';
import type { FilterCounts } from './pagefind-api.ts';
import { noFilters, type FilterKey } from './search-state.ts';

export interface FilterControls {
  /** The chosen values, as the controls show them. */
  read: () => Record<FilterKey, string[]>;
  /** Shows these values as chosen; a value the index lacks (an old link) gets a control so it can be cleared. */
  apply: (filters: Record<FilterKey, string[]>) => void;
  /** Shows, beside each value, how many stories carry it. */
  /** Shows counts per value; null hides them. */
  updateCounts: (counts: FilterCounts | null) => void;
}

/** One filter's control, whatever its kind. */
interface GroupControls {
  group: FilterGroup;
  /** The fieldset or wrapper, hidden while the filter has no values. */
  element: HTMLElement;
  has: (value: string) => boolean;
  add: (value: string) => void;
  chosen: () => string[];
  choose: (values: readonly string[]) => void;
  /** Shows each value's count; null hides the counts (the filter index is not loaded yet). */
  count: (counts: Record<string, number> | null) => void;
  size: () => number;
}

let nextId = 0;

function buildCheckboxGroup(doc: Document, group: FilterGroup): GroupControls {
  const fieldset = doc.createElement('fieldset');
  fieldset.className = 'search-filter';
  const legend = doc.createElement('legend');
  legend.textContent = group.label;
  const list = doc.createElement('ul');
  fieldset.append(legend, list);
  const boxes = new Map<string, { input: HTMLInputElement; count: HTMLSpanElement }>();
  return {
    group,
    element: fieldset,
    has: (value) => boxes.has(value),
    add: (value) => {
      nextId += 1;
      const item = doc.createElement('li');
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.id = `search-filter-${group.key}-${nextId}`;
      input.name = group.key;
      input.value = value;
      const label = doc.createElement('label');
      label.htmlFor = input.id;
      const count = doc.createElement('span');
      count.className = 'search-count';
      label.append(doc.createTextNode(value), count);
      item.append(input, label);
      list.append(item);
      boxes.set(value, { input, count });
    },
    chosen: () => [...boxes].filter(([, { input }]) => input.checked).map(([value]) => value),
    choose: (values) => {
      for (const [value, { input }] of boxes) input.checked = values.includes(value);
    },
    count: (counts) => {
      for (const [value, { count }] of boxes) count.textContent = counts === null ? '' : ` (${counts[value] ?? 0})`;
    },
    size: () => boxes.size,
  };
}

function buildSelectGroup(doc: Document, group: FilterGroup): GroupControls {
  const wrapper = doc.createElement('div');
  wrapper.className = 'search-filter';
  const label = doc.createElement('label');
  const select = doc.createElement('select');
  select.id = `search-filter-${group.key}`;
  select.name = group.key;
  label.htmlFor = select.id;
  label.textContent = group.label;
  select.append(new Option(group.anyLabel, ''));
  wrapper.append(label, select);
  const options = new Map<string, HTMLOptionElement>();
  return {
    group,
    element: wrapper,
    has: (value) => options.has(value),
    add: (value) => {
      const option = new Option(value, value);
      select.append(option);
      options.set(value, option);
    },
    chosen: () => (select.value === '' ? [] : [select.value]),
    // One value at a time: a link naming several keeps the first.
    choose: (values) => void (select.value = values[0] ?? ''),
    count: (counts) => {
      for (const [value, option] of options) option.textContent = counts === null ? value : `${value} (${counts[value] ?? 0})`;
    },
    size: () => options.size,
  };
}

/** Builds the controls for every filter into `container`; a filter with no values stays hidden. */
export function buildFilterControls(doc: Document, container: HTMLElement, available: FilterCounts): FilterControls {
  const groups = filterGroups.map((group) => {
    const controls = group.control === 'checkbox' ? buildCheckboxGroup(doc, group) : buildSelectGroup(doc, group);
    for (const value of orderFilterValues(group.key, Object.keys(available[group.key] ?? {}))) controls.add(value);
    controls.element.hidden = controls.size() === 0;
    container.append(controls.element);
    return controls;
  });

  const updateCounts = (counts: FilterCounts | null): void => {
    for (const controls of groups) controls.count(counts === null ? null : (counts[controls.group.key] ?? {}));
  };
  updateCounts(available);

  return {
    read: () => {
      const filters = noFilters();
      for (const controls of groups) filters[controls.group.key] = controls.chosen();
      return filters;
    },
    apply: (filters) => {
      for (const controls of groups) {
        const chosen = filters[controls.group.key];
        for (const value of chosen) if (!controls.has(value)) controls.add(value);
        if (controls.size() > 0) controls.element.hidden = false;
        controls.choose(chosen);
      }
    },
    updateCounts,
  };
}
