//! The logical structure of the PDF (tagged PDF): the structure tree over the
//! marked content of the pages, and the link annotations in it.
//!
//! Elements follow the order of their first marked content, which is the reading
//! order of the pages: the tag order is the reading order.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// The role of a structure element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    P,
    /// A heading of level 1–6.
    H(u8),
    /// A list item (a numbered paragraph) at a depth (0 at the top).
    Li(usize),
    Note,
}

impl Role {
    /// The standard structure type.
    pub fn name(self) -> &'static str {
        match self {
            Role::P => "P",
            Role::H(1) => "H1",
            Role::H(2) => "H2",
            Role::H(3) => "H3",
            Role::H(4) => "H4",
            Role::H(5) => "H5",
            Role::H(_) => "H6",
            Role::Li(_) => "LI",
            Role::Note => "Note",
        }
    }
}

/// A link annotation placed on a page, in the structure of the text that carries it.
pub struct Annot {
    pub page: usize,
    pub id: ObjectId,
    pub elem: u32,
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// Builds the structure tree. `marks[i]` gives, for each marked-content id of page
/// `i`, its element; page `i` gets `/StructParents i`, annotation `j` the key
/// `pages + j`. Returns the tree's root.
pub fn structure(
    doc: &mut Document,
    roles: &[Role],
    pages: &[ObjectId],
    marks: &[Vec<u32>],
    annots: &[Annot],
) -> ObjectId {
    let root = doc.new_object_id();
    let document = doc.new_object_id();
    // Elements in the order of their first content; their ids and kids.
    let mut order: Vec<u32> = Vec::new();
    let mut ids: std::collections::HashMap<u32, ObjectId> = std::collections::HashMap::new();
    let mut kids: std::collections::HashMap<u32, Vec<Object>> = std::collections::HashMap::new();
    for (p, page_marks) in marks.iter().enumerate() {
        let Some(&page) = pages.get(p) else {
            continue;
        };
        for (mcid, &e) in page_marks.iter().enumerate() {
            if let std::collections::hash_map::Entry::Vacant(v) = ids.entry(e) {
                v.insert(doc.new_object_id());
                order.push(e);
            }
            kids.entry(e)
                .or_default()
                .push(Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", name("MCR")),
                    ("Pg", Object::Reference(page)),
                    ("MCID", Object::Integer(mcid as i64)),
                ])));
        }
    }
    // Links: an element each, inside the element of their text.
    let mut nums: Vec<Object> = Vec::new();
    for (p, page_marks) in marks.iter().enumerate() {
        let refs = page_marks
            .iter()
            .filter_map(|e| ids.get(e).map(|&id| Object::Reference(id)))
            .collect();
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Array(refs));
    }
    for (j, a) in annots.iter().enumerate() {
        let (Some(&parent), Some(&page)) = (ids.get(&a.elem), pages.get(a.page)) else {
            continue;
        };
        let link = doc.add_object(Dictionary::from_iter(vec![
            ("Type", name("StructElem")),
            ("S", name("Link")),
            ("P", Object::Reference(parent)),
            ("Pg", Object::Reference(page)),
            (
                "K",
                Object::Array(vec![Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", name("OBJR")),
                    ("Pg", Object::Reference(page)),
                    ("Obj", Object::Reference(a.id)),
                ]))]),
            ),
        ]));
        kids.entry(a.elem)
            .or_default()
            .push(Object::Reference(link));
        let key = (pages.len() + j) as i64;
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(a.id) {
            d.set("StructParent", Object::Integer(key));
        }
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(link));
    }
    for (p, &page) in pages.iter().enumerate() {
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
            d.set("StructParents", Object::Integer(p as i64));
        }
    }

    // Lists: consecutive items are one list; a deeper item opens a list inside the
    // item before it.
    let mut top: Vec<Object> = Vec::new();
    // Open lists, outermost first: (id, parent, items).
    let mut lists: Vec<(ObjectId, ObjectId, Vec<Object>)> = Vec::new();
    let close = |doc: &mut Document,
                 lists: &mut Vec<(ObjectId, ObjectId, Vec<Object>)>,
                 kids: &mut std::collections::HashMap<u32, Vec<Object>>,
                 ids: &std::collections::HashMap<u32, ObjectId>,
                 depth: usize| {
        while lists.len() > depth {
            let Some((id, parent, items)) = lists.pop() else {
                break;
            };
            doc.objects.insert(
                id,
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", name("StructElem")),
                    ("S", name("L")),
                    ("P", Object::Reference(parent)),
                    ("K", Object::Array(items)),
                ])),
            );
            // The list goes into its parent item, found by id.
            if let Some((e, _)) = ids.iter().find(|(_, &v)| v == parent) {
                kids.entry(*e).or_default().push(Object::Reference(id));
            }
        }
    };
    let mut parents: Vec<(u32, ObjectId)> = Vec::with_capacity(order.len());
    let mut last_item: Vec<u32> = Vec::new();
    for &e in &order {
        let Some(&id) = ids.get(&e) else {
            continue;
        };
        let role = roles.get(e as usize).copied().unwrap_or(Role::P);
        match role {
            Role::Li(depth) => {
                let depth = depth.min(lists.len());
                close(doc, &mut lists, &mut kids, &ids, depth + 1);
                last_item.truncate(depth);
                if lists.len() == depth {
                    let parent = match depth.checked_sub(1).and_then(|d| last_item.get(d)) {
                        Some(item) => ids.get(item).copied().unwrap_or(document),
                        None => document,
                    };
                    let list = doc.new_object_id();
                    if parent == document {
                        top.push(Object::Reference(list));
                    }
                    lists.push((list, parent, Vec::new()));
                }
                if let Some((list, _, items)) = lists.last_mut() {
                    items.push(Object::Reference(id));
                    parents.push((e, *list));
                }
                last_item.push(e);
            }
            _ => {
                close(doc, &mut lists, &mut kids, &ids, 0);
                last_item.clear();
                top.push(Object::Reference(id));
                parents.push((e, document));
            }
        }
    }
    close(doc, &mut lists, &mut kids, &ids, 0);
    for (e, parent) in parents {
        let (Some(&id), Some(k)) = (ids.get(&e), kids.remove(&e)) else {
            continue;
        };
        let role = roles.get(e as usize).copied().unwrap_or(Role::P);
        doc.objects.insert(
            id,
            Object::Dictionary(Dictionary::from_iter(vec![
                ("Type", name("StructElem")),
                ("S", name(role.name())),
                ("P", Object::Reference(parent)),
                ("K", Object::Array(k)),
            ])),
        );
    }
    doc.objects.insert(
        document,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", name("StructElem")),
            ("S", name("Document")),
            ("P", Object::Reference(root)),
            ("K", Object::Array(top)),
        ])),
    );
    let next = (pages.len() + annots.len()) as i64;
    doc.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", name("StructTreeRoot")),
            ("K", Object::Reference(document)),
            (
                "ParentTree",
                Object::Dictionary(Dictionary::from_iter(vec![("Nums", Object::Array(nums))])),
            ),
            ("ParentTreeNextKey", Object::Integer(next)),
        ])),
    );
    root
}
