//! Tables as Arrow record batches (feature `arrow`): the columns' Chinese and English labels
//! go into each field's metadata (`label_zh`, `label_en`), the table's name and date into the
//! schema's (`renda.table`, `renda.as_of`).

use super::{epoch_days, ColumnData, Table};
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int32Array, Int64Array,
    RecordBatch, StringArray,
};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use std::collections::HashMap;
use std::sync::Arc;

impl ColumnData {
    /// The Arrow type of the column: `int64`, `float64`, `bool`, `date32`, `utf8`, or
    /// `dictionary<int32, utf8>` for categories.
    ///
    /// ```
    /// use renda::table::ColumnData;
    /// assert_eq!(ColumnData::Date(vec![]).arrow_type(), arrow_schema::DataType::Date32);
    /// ```
    pub fn arrow_type(&self) -> DataType {
        match self {
            Self::Int64(_) => DataType::Int64,
            Self::Float64(_) => DataType::Float64,
            Self::Bool(_) => DataType::Boolean,
            Self::Date(_) => DataType::Date32,
            Self::Utf8(_) => DataType::Utf8,
            Self::Category(_) => {
                DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
            }
        }
    }

    /// The column as an Arrow array.
    ///
    /// ```
    /// use renda::table::ColumnData;
    /// let a = ColumnData::Bool(vec![Some(true), None]).to_arrow().unwrap();
    /// assert_eq!((a.len(), a.null_count()), (2, 1));
    /// ```
    pub fn to_arrow(&self) -> Result<ArrayRef, ArrowError> {
        Ok(match self {
            Self::Int64(v) => Arc::new(Int64Array::from(v.clone())),
            Self::Float64(v) => Arc::new(Float64Array::from(v.clone())),
            Self::Bool(v) => Arc::new(BooleanArray::from(v.clone())),
            Self::Date(v) => Arc::new(Date32Array::from(
                v.iter().map(|d| d.map(epoch_days)).collect::<Vec<_>>(),
            )),
            Self::Utf8(v) => Arc::new(StringArray::from(
                v.iter().map(|s| s.as_deref()).collect::<Vec<_>>(),
            )),
            Self::Category(c) => {
                let keys = Int32Array::from(
                    c.codes
                        .iter()
                        .map(|k| k.map(|k| k as i32))
                        .collect::<Vec<_>>(),
                );
                let values =
                    StringArray::from(c.dictionary.iter().map(String::as_str).collect::<Vec<_>>());
                Arc::new(DictionaryArray::<Int32Type>::try_new(
                    keys,
                    Arc::new(values),
                )?)
            }
        })
    }
}

impl Table {
    /// The table's Arrow schema, with the labels in the field metadata.
    ///
    /// ```
    /// use renda::{Ledger, table::TableName};
    /// let t = Ledger::new(Default::default()).table(TableName::Suggestions, None).unwrap();
    /// let schema = t.arrow_schema();
    /// assert_eq!(schema.metadata()["renda.table"], "suggestions");
    /// assert_eq!(schema.field_with_name("result").unwrap().metadata()["label_zh"], "办理结果");
    /// ```
    pub fn arrow_schema(&self) -> Schema {
        let fields: Vec<Field> = self
            .columns
            .iter()
            .map(|c| {
                Field::new(c.name, c.data.arrow_type(), true).with_metadata(HashMap::from([
                    ("label_zh".to_string(), c.label.zh.to_string()),
                    ("label_en".to_string(), c.label.en.to_string()),
                ]))
            })
            .collect();
        Schema::new(fields).with_metadata(HashMap::from([
            ("renda.table".to_string(), self.name.as_str().to_string()),
            ("renda.as_of".to_string(), self.as_of.to_string()),
        ]))
    }

    /// The table as one Arrow record batch.
    ///
    /// ```
    /// use renda::{Ledger, table::TableName};
    /// let t = Ledger::new(Default::default()).table(TableName::Deputies, None).unwrap();
    /// let batch = t.to_record_batch().unwrap();
    /// assert_eq!(batch.num_rows(), 0);
    /// assert_eq!(batch.num_columns(), t.columns.len());
    /// ```
    pub fn to_record_batch(&self) -> Result<RecordBatch, ArrowError> {
        let arrays = self
            .columns
            .iter()
            .map(|c| c.data.to_arrow())
            .collect::<Result<Vec<_>, _>>()?;
        RecordBatch::try_new(Arc::new(self.arrow_schema()), arrays)
    }
}
